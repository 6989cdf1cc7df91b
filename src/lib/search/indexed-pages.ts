/**
 * Which built pages may go into the search index. Only articles and the
 * first page of an entity (topic, person, organization, event, country)
 * carry `data-pagefind-body`; every listing, timeline, archive, feed and
 * redirect is left out. Knowing this from the path lets the build read only
 * those pages (a third of what it writes) instead of opening every HTML file
 * to look for the marker. The marker still decides: a candidate without it
 * (an empty country, a listing at `/people/2/`) is not indexed.
 */
import { ENTITY_KINDS } from '../core/kinds.ts';

/**
 * Whether the page at `sitePath` (base-less, as `articlePath`/`entityPath`
 * write it: `/articles/2018/07/x/`, `/people/x/`) may be searchable.
 */
export function mayBeSearchable(sitePath: string): boolean {
  if (!sitePath.endsWith('/')) return false;
  const segments = sitePath.slice(1, -1).split('/');
  if (segments[0] === 'articles') return segments.length > 1;
  // `/people/x/` only: `/people/x/2/`, `/people/x/quotes/` and timelines are lists.
  return segments.length === 2 && (ENTITY_KINDS as readonly string[]).includes(segments[0]!);
}
