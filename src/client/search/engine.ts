/**
 * Runs searches with Pagefind's browser API, loaded from the site's own
 * index (`<base>pagefind/pagefind.js`) only when a search is first needed.
 * One search gives the results: first in the reader's language, whose index
 * is the only one loaded before its first results are shown; the other
 * languages join afterwards (see src/lib/search/plan.ts). Facet counts come separately: one search
 * for the state, and, when two facets or more have a selection, one more per
 * such facet without its own filter, which is how OR within a facet and AND
 * across facets get honest counts from an API whose filters are AND-only by
 * default (a single chosen facet is counted from Pagefind's unfiltered totals).
 */
import { FACETS, type Facet } from '../../lib/search/fields.ts';
import { firstAndLater, languagesToSearch, lruCache } from '../../lib/search/plan.ts';
import { openLanguageIndexes, readerLanguages, type LanguageIndexes, type Response } from './languages.ts';
import { pagefindFilters, pagefindSort, stateToQuery, type SearchState } from './state.ts';
import { traced } from './trace.ts';

/** What a result's `data()` resolves to (the fields this site uses). */
export interface ResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text, whole (the highlight on landing anchors each matched word in it). */
  content?: string;
  /** Word positions of the matches in `content`, split on white space. */
  locations?: number[];
  meta: Record<string, string | undefined>;
}

interface PagefindResult { id: string; data: () => Promise<ResultData> }

export type Counts = Record<Facet, Record<string, number>>;

export interface Outcome {
  /** Every matching page found so far, best first (or in date order), each loadable on demand. */
  results: PagefindResult[];
  /**
   * The rest of the answer, when languages other than the reader's are
   * still to be searched: their results joined with these. It loads those
   * languages' indexes if need be, so the page calls it once the first
   * results are on screen.
   */
  rest?: () => Promise<Outcome>;
  /** Whether `rest()` would answer at once (the other languages have answered already). */
  restReady?: () => boolean;
  /** Whether every other language is being searched already, so `rest()` loads no index of its own. */
  restUnderway?: boolean;
}

export interface Engine {
  /** The results for a state: fast, from indexes that never load the whole filter index. */
  run(state: SearchState): Promise<Outcome>;
  /** Fetches the index chunks a query will need while the reader is still typing it. */
  preload(q: string): void;
  /**
   * Facet counts for a state, from a second set of indexes (own scripts,
   * own workers) that loads every facet's values on first use: with them
   * loaded, Pagefind counts every value on every search, which is several
   * times slower, so results never wait for it.
   */
  counts(state: SearchState): Promise<Counts>;
  /** Whether the indexes that count facets are loaded (counting then costs no download). */
  countsReady(): boolean;
}

/** Pagefind's excerpt length, in words. */
const EXCERPT_WORDS = 28;
/** Finished answers kept for a reader who deletes what they typed and types it again. */
const CACHED_ANSWERS = 24;

const term = (q: string) => (q.trim() ? q.trim() : null);

export async function loadEngine(bundleUrl: string, lang: string): Promise<Engine> {
  const languages = readerLanguages(lang);
  const options = { excerptLength: EXCERPT_WORDS };
  const results = await openLanguageIndexes(bundleUrl, languages, '', options);
  const home = results.languages[0];
  // The reader's language starts loading now (the page calls this when the search box gets focus).
  if (home !== undefined) void results.open([home]).catch(() => {});
  const answers = lruCache<string, Outcome>(CACHED_ANSWERS);
  const countedAnswers = lruCache<string, Counts>(CACHED_ANSWERS);
  let counting: Promise<LanguageIndexes> | undefined;
  let countsLoaded = false;
  const counter = () => (counting ??= openLanguageIndexes(bundleUrl, languages, 'counts', options).then(async (set) => {
    await traced('counts filter index', () => set.filters());
    countsLoaded = true;
    return set;
  }).catch((error: unknown) => {
    counting = undefined;
    throw error;
  }));

  /** Facet counts for a state, OR within a facet and AND across facets. */
  async function countFacets(state: SearchState): Promise<Counts> {
    const set = await counter();
    const search = (filters: object) => set.search(term(state.q), { filters });
    const selected = FACETS.filter((facet) => state.filters[facet].length > 0);
    // With one facet chosen, its counts without its own filter are Pagefind's totals for the words
    // alone (`totalFilters`), which the search with every filter returns anyway: one search, not two.
    const separately = selected.length === 1 ? [] : selected;
    // Sort does not change counts, so these searches leave it out.
    const [all, ...without] = await Promise.all([
      traced('counts search', () => search(pagefindFilters(state.filters)), () => ({ q: state.q, without: 'none' })),
      ...separately.map((facet) => traced('counts search', () => search(pagefindFilters(state.filters, facet)), () => ({ q: state.q, without: facet }))),
    ]);
    return Object.fromEntries(FACETS.map((facet) => {
      if (!selected.includes(facet)) return [facet, all!.filters[facet] ?? {}];
      const source = separately.includes(facet) ? without[separately.indexOf(facet)]!.filters : all!.totalFilters ?? {};
      return [facet, source[facet] ?? {}];
    })) as Counts;
  }

  return {
    async run(state) {
      const key = stateToQuery(state);
      const cached = answers.get(key);
      if (cached) return cached;
      const searchOptions = { filters: pagefindFilters(state.filters), sort: pagefindSort(state) };
      const searched = languagesToSearch(results.languages, state.filters.language);
      const { first, later } = firstAndLater(searched, home);
      // Languages already loaded are searched beside the reader's; the others load only when asked for by rest().
      const pending = new Map<string, Promise<Response>>();
      const ask = (langs: readonly string[]) => results.searchEach(term(state.q), searchOptions, langs)
        .forEach((response, k) => pending.set(langs[k]!, response));
      ask([...first, ...later.filter((lang) => results.isOpen(lang))]);
      const combine = async (langs: readonly string[]) => results.combine(await Promise.all(langs.map(async (lang) => ({ lang, response: await pending.get(lang)! }))), searchOptions);
      const shown: Outcome = { results: (await combine(first)).results };
      if (later.length === 0) {
        answers.set(key, shown);
        return shown;
      }
      let whole: Promise<Outcome> | undefined;
      let answered = 0;
      for (const lang of later) void pending.get(lang)?.then(() => { answered += 1; }, () => {});
      return {
        ...shown,
        restReady: () => answered === later.length,
        restUnderway: later.every((lang) => pending.has(lang)),
        rest: () => (whole ??= (async () => {
          ask(later.filter((lang) => !pending.has(lang)));
          const outcome: Outcome = { results: (await combine(searched)).results };
          answers.set(key, outcome);
          return outcome;
        })()),
      };
    },
    preload(q) {
      if (q.trim()) void results.preload(q.trim()).catch(() => {});
    },
    countsReady: () => countsLoaded,
    async counts(state) {
      // Sort does not change counts.
      const key = stateToQuery({ ...state, sort: 'relevance' });
      const known = countedAnswers.get(key);
      if (known) return known;
      const counted = await countFacets(state);
      countedAnswers.set(key, counted);
      return counted;
    },
  };
}
