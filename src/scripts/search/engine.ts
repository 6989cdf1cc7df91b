/**
 * Runs searches with Pagefind's browser API, loaded from the site's own
 * index (`<base>pagefind/pagefind.js`) only when a search is first needed.
 * One search gives the results; each facet with a selection gets one more
 * search without its own filter, which is how OR within a facet and AND
 * across facets get honest counts from an API whose filters are AND-only
 * by default. Counts come second, so results never wait for them.
 */
import { FACETS, type Facet } from '../../lib/search-fields.ts';
import { openLanguageIndexes, readerLanguages } from './languages.ts';
import { pagefindFilters, pagefindSort, type SearchState } from './state.ts';
import type { FacetCounts } from './facets.ts';

/** What a result's `data()` resolves to (the fields this site uses). */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult { id: string; data: () => Promise<ResultData> }
interface PagefindResponse {
  results: PagefindResult[];
  filters: FacetCounts;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FacetCounts>;
  search(term: string | null, options: { filters?: object; sort?: object }): Promise<PagefindResponse | null>;
}

export type Counts = Record<Facet, Record<string, number>>;

export interface Outcome {
  /** Every matching page, best first (or in date order), each loadable on demand. */
  results: PagefindResult[];
  /**
   * Facet counts for the same state, computed after the results are shown:
   * the filter index (every facet's values) is loaded only then, the first time.
   */
  counts(): Promise<Counts>;
}

export interface Engine {
  run(state: SearchState): Promise<Outcome>;
}

export async function loadEngine(bundleUrl: string, lang: string): Promise<Engine> {
  // One index per language, each with its own stemmer and query normalisation, the reader's language first.
  const pagefind: PagefindModule = await openLanguageIndexes(bundleUrl, readerLanguages(lang));
  await pagefind.options({ excerptLength: 28 });
  await pagefind.init();
  let filterIndex: Promise<unknown> | undefined;
  let filtersLoaded = false; // Pagefind counts filter values with each search once the filter index is in

  const term = (q: string) => (q.trim() ? q.trim() : null);
  const search = async (q: string, options: { filters?: object; sort?: object }) =>
    (await pagefind.search(term(q), options)) ?? { results: [], filters: {} };

  return {
    async run(state) {
      const countedAlready = filtersLoaded;
      const main = await search(state.q, { filters: pagefindFilters(state.filters), sort: pagefindSort(state) });
      return {
        results: main.results,
        async counts() {
          await (filterIndex ??= pagefind.filters().then(() => { filtersLoaded = true; }));
          const selected = FACETS.filter((facet) => state.filters[facet].length > 0);
          // Sort does not change counts, so the extra searches leave it out.
          const [all, ...without] = await Promise.all([
            countedAlready ? main : search(state.q, { filters: pagefindFilters(state.filters) }),
            ...selected.map((facet) => search(state.q, { filters: pagefindFilters(state.filters, facet) })),
          ]);
          return Object.fromEntries(FACETS.map((facet) => {
            const source = selected.includes(facet) ? without[selected.indexOf(facet)]! : all!;
            return [facet, source.filters[facet] ?? {}];
          })) as Counts;
        },
      };
    },
  };
}
