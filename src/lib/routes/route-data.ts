import type { Archive } from '../model/archive.ts';
import type { QuoteLedger } from '../model/quote-ledger.ts';
import { getArchive } from './load-archive.ts';
import { getQuoteLedger } from './load-quote-ledger.ts';
import { getStandards, type StandardsModel } from './page-facts.ts';

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

let cached: Promise<RouteData> | undefined;

/** The route data, built once per build from the loaders' own caches (again for each dev server request, as they are). */
export function getRouteData(): Promise<RouteData> {
  if (import.meta.env.DEV) cached = undefined;
  cached ??= (async () => {
    const [archive, ledger, facts] = await Promise.all([getArchive(), getQuoteLedger(), getStandards()]);
    return { archive, ledger, facts };
  })();
  return cached;
}
