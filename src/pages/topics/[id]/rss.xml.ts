import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/routes/rss.ts';
import { withCacheKeys } from '../../../lib/routes/cache-keys.ts';
import { getArchive } from '../../../lib/routes/archive.ts';
import { entityPath } from '../../../lib/core/urls.ts';

/** The latest 50 articles of each topic. */
export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return withCacheKeys([...archive.topics.keys()].map((id) => ({ params: { id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const topic = (await getArchive()).topics.get(params.id!)!;
  return feedResponse(site, { name: topic.data.title, description: topic.data.description, path: entityPath('topics', topic.id), ids: topic.articles });
};
