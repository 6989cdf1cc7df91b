import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/routes/rss.ts';
import { withScopedKeys } from '../../../lib/routes/cache-keys.ts';
import { getRouteData } from '../../../lib/routes/route-data.ts';
import { countryName } from '../../../lib/core/countries.ts';
import { entityPath } from '../../../lib/core/urls.ts';

/** The latest 50 articles naming each country; every country with a page has a feed, and only those. */
export const getStaticPaths = (async () => withScopedKeys([...(await getRouteData()).archive.countries.keys()].map((code) => ({ params: { code } })), (scopes, path) => scopes.entity('countries', path.params.code))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site, locals }) => {
  const code = params.code!;
  const country = locals.chronicle.archive.countries.get(code);
  const name = country?.name ?? countryName(code.toUpperCase());
  return feedResponse(site, { name, description: country?.data.description ?? name, path: entityPath('countries', code), ids: country?.articles ?? [] });
};
