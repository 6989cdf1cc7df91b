import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/routes/rss.ts';
import { withScopedKeys } from '../../../lib/routes/cache-keys.ts';
import { getRouteData } from '../../../lib/routes/route-data.ts';
import { entityPath } from '../../../lib/core/urls.ts';

/** The latest 50 articles naming each organization. */
export const getStaticPaths = (async () => {
  const { archive } = await getRouteData();
  return withScopedKeys([...archive.organizations.keys()].map((id) => ({ params: { id } })), (scopes, path) => scopes.entity('organizations', path.params.id));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site, locals }) => {
  const organization = locals.chronicle.archive.organizations.get(params.id!)!;
  const { name, description } = organization.data;
  return feedResponse(site, { name, description: description ?? name, path: entityPath('organizations', organization.id), ids: organization.articles });
};
