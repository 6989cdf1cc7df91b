/**
 * The search page's state, and how it lives in the URL:
 * `/search/?q=velayati&topic=jcpoa&topic=iran-russia-relations&sort=newest`.
 * It is the same query string the search form submits without JavaScript,
 * so a shared link, a reload and the back button all restore the same view.
 */
import { FACETS, SORT_KEY, type Facet } from '../../lib/search/fields.ts';

const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  /** Selected values per facet: OR within a facet, AND across facets. */
  filters: Record<Facet, string[]>;
  sort: Sort;
}

export function emptyFilters(): Record<Facet, string[]> {
  return Object.fromEntries(FACETS.map((facet) => [facet, []])) as unknown as Record<Facet, string[]>;
}

export function parseState(query: string | URLSearchParams): SearchState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const filters = emptyFilters();
  for (const facet of FACETS) {
    filters[facet] = [...new Set(params.getAll(facet).map((value) => value.trim()).filter(Boolean))];
  }
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance',
  };
}

/** `?q=…&topic=…&sort=…`, leaving out what is empty or the default; '' for a blank search. */
export function stateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToQuery(a) === stateToQuery(b);
}

function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}

/** Something to search for: words, filters or both. */
export function hasCriteria(state: SearchState): boolean {
  return state.q.trim() !== '' || hasFilters(state);
}

/**
 * One letter matches too many words to be worth the wait (and the bytes);
 * scripts written without spaces (Chinese, Japanese, Korean) are the exception.
 */
export function tooShort(state: SearchState): boolean {
  const q = state.q.trim();
  return !hasFilters(state) && q !== '' && [...q].length < 2 && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(q);
}

export function withValue(state: SearchState, facet: Facet, value: string, selected: boolean): SearchState {
  const current = state.filters[facet].filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [facet]: selected ? [...current, value] : current } };
}

export type PagefindFilters = Partial<Record<Facet, { any: string[] }>>;

/** Pagefind's filter object: `any` within a facet; facets are ANDed. `except` leaves one facet out. */
export function pagefindFilters(filters: Record<Facet, string[]>, except?: Facet): PagefindFilters {
  const result: PagefindFilters = {};
  for (const facet of FACETS) {
    if (facet !== except && filters[facet].length > 0) result[facet] = { any: [...filters[facet]] };
  }
  return result;
}

/**
 * Pagefind's sort option. Without words there is no relevance to rank by,
 * so a filters-only search lists the newest first.
 */
export function pagefindSort(state: SearchState): Record<string, 'asc' | 'desc'> {
  if (state.sort === 'oldest') return { [SORT_KEY]: 'asc' };
  if (state.sort === 'newest' || state.q.trim() === '') return { [SORT_KEY]: 'desc' };
  return {};
}
