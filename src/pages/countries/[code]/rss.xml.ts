import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/routes/rss.ts';
import { withCacheKeys } from '../../../lib/routes/cache-keys.ts';
import { allCountryCodes, countryName } from '../../../lib/core/countries.ts';
import { entityPath } from '../../../lib/core/urls.ts';

/** The latest 50 articles naming each country; every country with a page has a feed, empty or not. */
export const getStaticPaths = (async () => withCacheKeys(allCountryCodes().map((upper) => ({ params: { code: upper.toLowerCase() } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site, locals }) => {
  const code = params.code!;
  const country = locals.chronicle.archive.countries.get(code);
  const name = country?.name ?? countryName(code.toUpperCase());
  return feedResponse(site, { name, description: country?.data.description ?? name, path: entityPath('countries', code), ids: country?.articles ?? [] });
};
