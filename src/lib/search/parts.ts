/**
 * The search index in parts. Pagefind holds everything it indexes in memory
 * until it writes the index, so one index of a large archive needs gigabytes
 * (BENCHMARKS.md, "Search"), and one edited article means indexing everything
 * again. Pages are therefore split into parts by a hash of their URL: each
 * part is indexed on its own, stored in the build cache under a digest of its
 * pages, and reused while none of its pages changed. The search page merges
 * the parts at query time (Pagefind's `mergeIndex`).
 */

/** The main part is the bundle at `<base>pagefind/`; the others sit inside it. */
export const PARTS_FILE = 'parts.json';
export const partDir = (part: number) => (part === 0 ? '' : `part-${part}/`);

/** What the search page reads from `pagefind/parts.json`: the parts besides the main one, and their languages. */
export interface PartsManifest {
  parts: { path: string; languages: Record<string, { page_count?: number }> }[];
}

export interface PartOptions {
  /** Pages per part at most, while the part count stays within `maxParts`. */
  pagesPerPart?: number;
  /** Beyond this many parts, parts grow instead: each is one more set of requests for the reader. */
  maxParts?: number;
}

/**
 * Every part costs the reader one more metadata file and index chunk per
 * query, and larger parts cost the build more memory while Pagefind indexes
 * one: this size balances the two against the targets for a first query's
 * bytes and the build's peak memory (measured in BENCHMARKS.md, "Search").
 */
const DEFAULT_PAGES_PER_PART = 4_500;
const DEFAULT_MAX_PARTS = 16;

/** How many parts `pages` searchable pages go into. */
export function partCount(pages: number, options: PartOptions = {}): number {
  const perPart = Math.max(1, options.pagesPerPart ?? DEFAULT_PAGES_PER_PART);
  const maxParts = Math.max(1, options.maxParts ?? DEFAULT_MAX_PARTS);
  return Math.min(maxParts, Math.max(1, Math.ceil(pages / perPart)));
}

/** FNV-1a: a page stays in the same part from build to build while the part count is the same. */
export function partOf(url: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % parts;
}

/** Groups pages by part: `groups[k]` holds part k's pages, in the order given. */
export function assignParts<P extends { url: string }>(pages: readonly P[], parts: number): P[][] {
  const groups: P[][] = Array.from({ length: parts }, () => []);
  for (const page of pages) groups[partOf(page.url, parts)]!.push(page);
  return groups;
}

/**
 * The text a part's cache digest is made of: the indexer's settings, then
 * each page's URL and content hash, sorted, so the same pages give the same
 * digest whatever order they were read in.
 */
export function partSignature(settings: string, pages: readonly { url: string; hash: string }[]): string {
  return [settings, ...pages.map((p) => `${p.url}\t${p.hash}`).sort()].join('\n');
}
