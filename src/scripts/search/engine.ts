/**
 * Runs searches with Pagefind's browser API, loaded from the site's own
 * index (`<base>pagefind/pagefind.js`) only when a search is first needed.
 * One search gives the results. Facet counts come separately: one search
 * for the state, and one more per facet with a selection, without its own
 * filter, which is how OR within a facet and AND across facets get honest
 * counts from an API whose filters are AND-only by default.
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
}

export interface Engine {
  /** The results for a state: fast, from indexes that never load the whole filter index. */
  run(state: SearchState): Promise<Outcome>;
  /**
   * Facet counts for a state, from a second set of indexes (own scripts,
   * own workers) that loads every facet's values on first use: with them
   * loaded, Pagefind counts every value on every search, which is several
   * times slower, so results never wait for it.
   */
  counts(state: SearchState): Promise<Counts>;
}

type Search = (q: string, options: { filters?: object; sort?: object }) => Promise<PagefindResponse>;

async function open(bundleUrl: string, languages: string[], copy = ''): Promise<{ indexes: PagefindModule; search: Search }> {
  // One index per language, each with its own stemmer and query normalisation, the reader's language first.
  const indexes: PagefindModule = await openLanguageIndexes(bundleUrl, languages, copy);
  await indexes.options({ excerptLength: 28 });
  await indexes.init();
  const search: Search = async (q, options) =>
    (await indexes.search(q.trim() ? q.trim() : null, options)) ?? { results: [], filters: {} };
  return { indexes, search };
}

export async function loadEngine(bundleUrl: string, lang: string): Promise<Engine> {
  const languages = readerLanguages(lang);
  const results = await open(bundleUrl, languages);
  let counting: ReturnType<typeof open> | undefined;
  const counter = () => (counting ??= open(bundleUrl, languages, 'counts').then(async (set) => {
    await set.indexes.filters();
    return set;
  }).catch((error: unknown) => {
    counting = undefined;
    throw error;
  }));

  return {
    async run(state) {
      const main = await results.search(state.q, { filters: pagefindFilters(state.filters), sort: pagefindSort(state) });
      return { results: main.results };
    },
    async counts(state) {
      const { search } = await counter();
      const selected = FACETS.filter((facet) => state.filters[facet].length > 0);
      // Sort does not change counts, so these searches leave it out.
      const [all, ...without] = await Promise.all([
        search(state.q, { filters: pagefindFilters(state.filters) }),
        ...selected.map((facet) => search(state.q, { filters: pagefindFilters(state.filters, facet) })),
      ]);
      return Object.fromEntries(FACETS.map((facet) => {
        const source = selected.includes(facet) ? without[selected.indexOf(facet)]! : all!;
        return [facet, source.filters[facet] ?? {}];
      })) as Counts;
    },
  };
}
