import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/routes/rss.ts';
import { withCacheKeys } from '../../../lib/routes/cache-keys.ts';
import { getArchive } from '../../../lib/routes/archive.ts';
import { entityPath } from '../../../lib/core/urls.ts';

/** The latest 50 articles naming each organization. */
export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return withCacheKeys([...archive.organizations.keys()].map((id) => ({ params: { id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const organization = (await getArchive()).organizations.get(params.id!)!;
  const { name, description } = organization.data;
  return feedResponse(site, { name, description: description ?? name, path: entityPath('organizations', organization.id), ids: organization.articles });
};
