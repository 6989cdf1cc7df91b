import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/routes/rss.ts';
import { withScopedKeys } from '../../../lib/routes/cache-keys.ts';
import { getRouteData } from '../../../lib/routes/route-data.ts';
import { entityPath } from '../../../lib/core/urls.ts';

/** The latest 50 articles naming each person. */
export const getStaticPaths = (async () => {
  const { archive } = await getRouteData();
  return withScopedKeys([...archive.people.keys()].map((id) => ({ params: { id } })), (scopes, path) => scopes.entity('people', path.params.id));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site, locals }) => {
  const person = locals.chronicle.archive.people.get(params.id!)!;
  return feedResponse(site, { name: person.data.name, description: person.data.description ?? person.data.name, path: entityPath('people', person.id), ids: person.articles });
};
