import type { Archive } from '../model/archive.ts';
import type { QuoteLedger } from '../model/quote-ledger.ts';
import { getArchive } from './load-archive.ts';
import { getQuoteLedger } from './load-quote-ledger.ts';
import { getStandards, type StandardsModel } from './page-facts.ts';
import { contentCache } from './content-cache.ts';

/**
 * Everything a page may show beyond its own entry: the archive model, the
 * quote ledger and what git says about each article. src/middleware.ts puts
 * it in `Astro.locals.chronicle` for every request; pages take what they use
 * from there (or, in getStaticPaths, from getRouteData()) and pass it to their
 * components as props, so a page says what data it uses.
 */
export interface RouteData {
  archive: Archive;
  ledger: QuoteLedger;
  facts: StandardsModel;
}

/** The route data, built once per build from the loaders' own caches (and again after content changes under the dev server). */
export const getRouteData: () => Promise<RouteData> = contentCache(async () => {
  const [archive, ledger, facts] = await Promise.all([getArchive(), getQuoteLedger(), getStandards()]);
  return { archive, ledger, facts };
});
