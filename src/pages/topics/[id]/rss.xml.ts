import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/routes/rss.ts';
import { withScopedKeys } from '../../../lib/routes/cache-keys.ts';
import { getRouteData } from '../../../lib/routes/route-data.ts';
import { entityPath } from '../../../lib/core/urls.ts';

/** The latest 50 articles of each topic. */
export const getStaticPaths = (async () => {
  const { archive } = await getRouteData();
  return withScopedKeys([...archive.topics.keys()].map((id) => ({ params: { id } })), (scopes, path) => scopes.entity('topics', path.params.id));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site, locals }) => {
  const topic = locals.chronicle.archive.topics.get(params.id!)!;
  return feedResponse(site, { name: topic.data.title, description: topic.data.description, path: entityPath('topics', topic.id), ids: topic.articles });
};
