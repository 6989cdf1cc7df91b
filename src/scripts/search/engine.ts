/**
 * Runs searches with Pagefind's browser API, loaded from the site's own
 * index (`<base>pagefind/pagefind.js`) only when a search is first needed.
 * One search gives the results; each facet with a selection gets one more
 * search without its own filter, which is how OR within a facet and AND
 * across facets get honest counts from an API whose filters are AND-only
 * by default.
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

export interface Outcome {
  /** Every matching page, best first (or in date order), each loadable on demand. */
  results: PagefindResult[];
  counts: Record<Facet, Record<string, number>>;
}

export interface Engine {
  run(state: SearchState): Promise<Outcome>;
}

export async function loadEngine(bundleUrl: string, lang: string): Promise<Engine> {
  // One index per language, each with its own stemmer and query normalisation, the reader's language first.
  const pagefind: PagefindModule = await openLanguageIndexes(bundleUrl, readerLanguages(lang));
  await pagefind.options({ excerptLength: 28 });
  await pagefind.init();
  // Counts per filter value come back with each search only once the filter index is loaded.
  await pagefind.filters();

  const term = (q: string) => (q.trim() ? q.trim() : null);
  const search = async (q: string, options: { filters?: object; sort?: object }) =>
    (await pagefind.search(term(q), options)) ?? { results: [], filters: {} };

  return {
    async run(state) {
      const selected = FACETS.filter((facet) => state.filters[facet].length > 0);
      const [main, ...without] = await Promise.all([
        search(state.q, { filters: pagefindFilters(state.filters), sort: pagefindSort(state) }),
        ...selected.map((facet) => search(state.q, { filters: pagefindFilters(state.filters, facet) })),
      ]);
      const counts = Object.fromEntries(FACETS.map((facet) => {
        const source = selected.includes(facet) ? without[selected.indexOf(facet)]! : main;
        return [facet, source.filters[facet] ?? {}];
      })) as Record<Facet, Record<string, number>>;
      return { results: main.results, counts };
    },
  };
}
