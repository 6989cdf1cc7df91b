/**
 * Searching every language of the archive at once.
 *
 * Pagefind writes one index per language (each page goes to the index of its
 * `<html lang>`) and stems a query with the stemmer of the index searched:
 * Russian has a Snowball stemmer, so "переговорами" finds "переговоры";
 * Persian has none, which is what src/lib/search/normalize.ts makes up for.
 * Pagefind 1.6 ties each loaded copy of its script to one stemmer (its
 * WebAssembly initialises once per script instance, and two languages in one
 * worker corrupt each other), so each language gets its own copy of
 * pagefind.js (and so its own worker), loaded under a `?language=` URL.
 *
 * The result is one object with the calls the search engine makes: a query
 * is prepared for each language's index and run on the languages asked for;
 * facet counts are summed; results come back as one list, the reader's
 * language first (by relevance) or merged by date (when sorted by date).
 */
import { prepareQuery } from '../../lib/search/text.ts';
import { restoreJoiners } from '../../lib/search/normalize.ts';
import { SORT_KEY } from '../../lib/search/fields.ts';
import { primaryLanguage } from '../../lib/core/language.ts';
import { traceStep } from './trace.ts';

type Counts = Partial<Record<string, Record<string, number>>>;

interface Data {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; excerpt: string }[];
  [key: string]: unknown;
}
export interface Result { id: string; score: number; data: () => Promise<Data> }
/** Pagefind's own timings of one index part's search in its worker, in ms. */
interface PartTimings { preload?: number; search?: number; total?: number }
export interface Response { results: Result[]; filters: Counts; totalFilters?: Counts; unfilteredResultCount?: number; timings?: PartTimings[] }
/** Pagefind's options; `sort` is `{ date: 'asc' | 'desc' }` or absent (relevance). */
export interface SearchOptions { filters?: object; sort?: object }
interface Instance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Counts>;
  search(term: string | null, options?: SearchOptions): Promise<Response | null>;
  preload(term: string, options?: object): Promise<void>;
  mergeIndex(indexPath: string, options?: { language?: string }): Promise<void>;
}
interface PagefindScript { createInstance(options: { basePath: string } & Record<string, unknown>): Instance }
type LanguageCounts = Record<string, { page_count?: number }>;

/**
 * A large archive's index comes in parts (src/lib/search/parts.ts): the main
 * bundle plus those listed in its parts.json, each with its own languages.
 * Each language searches every part that has it, merged into one index.
 */
async function bundlesOf(bundleUrl: string, main: Promise<LanguageCounts>): Promise<{ url: string; languages: LanguageCounts }[]> {
  const listed = await fetch(`${bundleUrl}parts.json`).then((r) => (r.ok ? r.json() : { parts: [] }), () => ({ parts: [] })) as { parts?: { path: string; languages: LanguageCounts }[] };
  return [{ url: bundleUrl, languages: await main }, ...(listed.parts ?? []).map((part) => ({ url: `${bundleUrl}${part.path}`, languages: part.languages }))];
}

export interface LanguageIndexes {
  /** Every language of the archive, the reader's first. */
  languages: string[];
  /** Whether a language's index has been asked to load. */
  isOpen(lang: string): boolean;
  /** Loads these languages' indexes (each once); resolves when they can search. */
  open(langs: readonly string[]): Promise<void>;
  /** Facet counts over every language (opens them all). */
  filters(): Promise<Counts>;
  /** Fetches what a search for `term` needs in the languages already open, without searching. */
  preload(term: string, options?: object): Promise<void>;
  /** One search per language given (every language by default), combined into one list. */
  search(term: string | null, options?: SearchOptions, langs?: readonly string[]): Promise<Response>;
  /** The same, one response per language, each as it comes. */
  searchEach(term: string | null, options: SearchOptions, langs: readonly string[]): Promise<Response>[];
  /** Responses of several languages as one (see combineResponses). */
  combine(responses: { lang: string; response: Response }[], options: SearchOptions): Response;
}

/** The reader's languages, most preferred first: the browser's, then the page's. */
export function readerLanguages(pageLang: string): string[] {
  const browser = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? [navigator.language])];
  return [...new Set([...browser, pageLang].filter(Boolean).map(primaryLanguage))];
}

/**
 * Languages in the reader's order: those the reader reads, as they prefer
 * them, then the others, largest index first.
 */
export function orderLanguages(available: Record<string, { page_count?: number }>, preferred: readonly string[]): string[] {
  const rank = (lang: string) => {
    const at = preferred.indexOf(primaryLanguage(lang));
    return at === -1 ? preferred.length : at;
  };
  return Object.keys(available).sort((a, b) =>
    rank(a) - rank(b) || (available[b]!.page_count ?? 0) - (available[a]!.page_count ?? 0) || a.localeCompare(b));
}

/**
 * Pagefind picks an instance's index from `<html lang>` at the moment the
 * instance is created (it has no option for it), so the attribute is set
 * for that one synchronous call and put back before anything can render.
 */
function createFor(script: PagefindScript, lang: string, basePath: string, options: Record<string, unknown>): Instance {
  const html = document.documentElement;
  const original = html.getAttribute('lang');
  html.setAttribute('lang', lang);
  try {
    return script.createInstance({ ...options, basePath });
  } finally {
    if (original === null) html.removeAttribute('lang');
    else html.setAttribute('lang', original);
  }
}

/** Excerpts and titles as the page wrote them (the index spells a ZWNJ as `~`, see normalize-text.ts). */
function readable(data: Data): Data {
  return {
    ...data,
    excerpt: restoreJoiners(data.excerpt),
    ...(typeof data.content === 'string' ? { content: restoreJoiners(data.content) } : {}),
    meta: Object.fromEntries(Object.entries(data.meta).map(([key, value]) => [key, value === undefined ? value : restoreJoiners(value)])),
    ...(data.sub_results ? { sub_results: data.sub_results.map((sub) => ({ ...sub, title: restoreJoiners(sub.title), excerpt: restoreJoiners(sub.excerpt) })) } : {}),
  };
}

function sumCounts(all: (Counts | undefined)[]): Counts {
  const total: Counts = {};
  for (const counts of all) {
    for (const [facet, values] of Object.entries(counts ?? {})) {
      const into = (total[facet] ??= {});
      for (const [value, n] of Object.entries(values ?? {})) into[value] = (into[value] ?? 0) + n;
    }
  }
  return total;
}

/**
 * Lists already sorted by date, merged into one without loading every
 * result: result `i` waits until the merge has reached it, which needs the
 * dates of only one waiting head per language.
 */
export function mergeByDate(lists: Result[][], descending: boolean): Result[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const cursors = nonEmpty.map(() => 0);
  const merged: Result[] = [];
  const dates = new Map<Result, Promise<string>>();
  const dateOf = (result: Result) => {
    let date = dates.get(result);
    if (!date) dates.set(result, (date = result.data().then((data) => data.meta[SORT_KEY] ?? '')));
    return date;
  };
  let queue: Promise<void> = Promise.resolve();
  const reach = (index: number) => {
    const step = queue.then(async () => {
      while (merged.length <= index) {
        const heads = nonEmpty.map((list, k) => list[cursors[k]!]);
        const headDates = await Promise.all(heads.map((head) => (head ? dateOf(head) : undefined)));
        let best = -1;
        headDates.forEach((date, k) => {
          if (date === undefined) return;
          if (best === -1 || (descending ? date > headDates[best]! : date < headDates[best]!)) best = k;
        });
        if (best === -1) return;
        merged.push(heads[best]!);
        cursors[best]! += 1;
      }
    });
    queue = step.catch(() => {});
    return step;
  };
  const total = nonEmpty.reduce((sum, list) => sum + list.length, 0);
  return Array.from({ length: total }, (_, index) => ({
    id: `merged-${index}`,
    score: 0,
    data: async () => {
      await reach(index);
      return merged[index]!.data();
    },
  }));
}

/**
 * Results of several languages as one list: by date (merged) when sorted by
 * date, else the reader's language first, then the others by Pagefind's score.
 */
export function combineResponses(responses: { lang: string; response: Response }[], options: SearchOptions, readerLanguage: string | undefined): Response {
  const lists = responses.map(({ response }) => response.results);
  const direction = options.sort ? (Object.values(options.sort)[0] as 'asc' | 'desc' | undefined) : undefined;
  let results: Result[];
  if (direction) {
    results = mergeByDate(lists, direction === 'desc');
  } else {
    const first = responses.findIndex(({ lang }) => primaryLanguage(lang) === readerLanguage);
    const rest = lists.filter((_, k) => k !== first).flat().sort((a, b) => b.score - a.score);
    results = [...(first === -1 ? [] : lists[first]!), ...rest];
  }
  return {
    results,
    filters: sumCounts(responses.map(({ response }) => response.filters)),
    totalFilters: sumCounts(responses.map(({ response }) => response.totalFilters)),
    unfilteredResultCount: responses.reduce((sum, { response }) => sum + (response.unfilteredResultCount ?? 0), 0),
  };
}

/**
 * The language indexes of the bundle at `bundleUrl` (`<base>pagefind/`),
 * each loaded only when first asked for: the search page opens the reader's
 * language first and the others once its first results are on screen, so a
 * first query costs one language's index. A `copy` name loads separate
 * copies of the scripts, with workers of their own: the search page counts
 * facets in one set and finds results in another, since an index with every
 * filter loaded searches several times slower. `options` are Pagefind's
 * instance options (excerpt length), given to every part of every language.
 */
export async function openLanguageIndexes(bundleUrl: string, preferred: readonly string[], copy = '', options: Record<string, unknown> = {}): Promise<LanguageIndexes> {
  // The two lists are asked for at once: one round trip before the first results, not two.
  const main = fetch(`${bundleUrl}pagefind-entry.json`).then((response) => response.json()).then((entry: { languages?: LanguageCounts }) => entry.languages ?? {});
  main.catch(() => {}); // awaited in bundlesOf, after parts.json: a failed load is thrown there, not reported twice
  const bundles = await bundlesOf(bundleUrl, main);
  const counts: LanguageCounts = {};
  for (const bundle of bundles) {
    for (const [lang, { page_count = 0 }] of Object.entries(bundle.languages)) counts[lang] = { page_count: (counts[lang]?.page_count ?? 0) + page_count };
  }
  const languages = orderLanguages(counts, preferred);
  // The first language listed leads a relevance list: the reader's, or the largest when theirs has no index.
  const readerLanguage = languages[0] === undefined ? undefined : primaryLanguage(languages[0]);
  const opening = new Map<string, Promise<Instance>>();

  async function load(lang: string): Promise<Instance> {
    const started = performance.now();
    const script = (await import(/* @vite-ignore */ `${bundleUrl}pagefind.js?language=${encodeURIComponent(lang)}${copy ? `&copy=${encodeURIComponent(copy)}` : ''}`)) as PagefindScript;
    const [home, ...others] = bundles.filter((bundle) => lang in bundle.languages);
    const instance = createFor(script, lang, home!.url, options);
    // Merging waits inside Pagefind for the instance to load, so it is awaited after init().
    const merged = Promise.all(others.map((other) => instance.mergeIndex(other.url, { ...options, language: lang })));
    merged.catch(() => {});
    await instance.init();
    await merged;
    traceStep(`open ${copy || 'results'} ${lang}`, started, { parts: 1 + others.length });
    return instance;
  }
  const openOne = (lang: string) => {
    let instance = opening.get(lang);
    if (!instance) {
      instance = load(lang);
      opening.set(lang, instance);
      // A failed load (the network dropped) is tried again next time.
      instance.catch(() => opening.delete(lang));
    }
    return instance;
  };
  const searchOne = async (lang: string, term: string | null, searchOptions: SearchOptions): Promise<Response> => {
    const instance = await openOne(lang);
    const started = performance.now();
    const response = await instance.search(term === null ? null : prepareQuery(term, lang), searchOptions);
    // The worker's own time per part, and the whole round trip (the rest is handing the results over).
    traceStep(`pagefind ${copy || 'results'} ${lang}`, started, {
      q: term, hits: response?.results.length ?? 0, filters: JSON.stringify(searchOptions.filters ?? {}),
      parts: (response?.timings ?? []).map((t) => ({ preload: t.preload, search: t.search, total: t.total })),
    });
    return {
      ...(response ?? { filters: {} }),
      results: (response?.results ?? []).map((result) => ({ ...result, data: async () => readable(await result.data()) })),
    };
  };
  const searchEach = (term: string | null, searchOptions: SearchOptions, langs: readonly string[]) =>
    langs.map((lang) => searchOne(lang, term, searchOptions));

  return {
    languages,
    isOpen: (lang) => opening.has(lang),
    async open(langs) { await Promise.all(langs.map(openOne)); },
    async filters() { return sumCounts(await Promise.all(languages.map(async (lang) => (await openOne(lang)).filters()))); },
    async preload(term, preloadOptions) {
      await Promise.all([...opening.keys()].map(async (lang) => (await openOne(lang)).preload(prepareQuery(term, lang), preloadOptions)));
    },
    searchEach,
    combine: (responses, searchOptions) => combineResponses(responses, searchOptions, readerLanguage),
    async search(term, searchOptions = {}, langs = languages) {
      const responses = await Promise.all(searchEach(term, searchOptions, langs));
      return combineResponses(responses.map((response, k) => ({ lang: langs[k]!, response })), searchOptions, readerLanguage);
    },
  };
}
