import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feeds.ts';
import { withCacheKeys } from '../../../data/page-cache.ts';
import { getArchive } from '../../../data/archive.ts';
import { entityPath } from '../../../lib/urls.ts';

/** The latest 50 articles of each topic. */
export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return withCacheKeys([...archive.topics.keys()].map((id) => ({ params: { id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const topic = (await getArchive()).topics.get(params.id!)!;
  return feedResponse(site, { name: topic.data.title, description: topic.data.description, path: entityPath('topics', topic.id), ids: topic.articles });
};
