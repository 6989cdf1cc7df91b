import { createHash } from 'node:crypto';
import { KIND_NAMES } from '../core/kinds.ts';
import { collectionEntries } from './collections.ts';
import { getQuoteLedger } from './load-quote-ledger.ts';
import { getStandards } from './page-facts.ts';
import { BUILD_DATE } from './build-date.ts';
import { contentCache } from './content-cache.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a
 * page whose key and code are unchanged since the last build is copied from
 * the build cache instead of rendered again.
 *
 * Any page may show any entry's metadata (lists, timelines, related
 * articles, the sidebar), so every page's key starts with one digest of
 * everything except article bodies: every entry's data, the other entries'
 * whole files, the quotations taken from bodies, git dates, the build date
 * and Chronicle's settings. Only an article's own page shows its body, so
 * article pages add their file's digest. Editing an article's text renders
 * its page alone again; editing anything else renders every page again.
 */

/** Settings that only say where a build goes, not what its pages contain. */
const PLACEMENT = new Set(['CHRONICLE_OUT_DIR', 'CHRONICLE_CACHE_DIR', 'CHRONICLE_E2E_CACHE', 'CHRONICLE_SEARCH_PART_PAGES', 'CHRONICLE_SEARCH_CONCURRENCY']);

export const siteKey: () => Promise<string> = contentCache(async () => {
  const hash = createHash('sha256');
  const add = (...parts: string[]) => hash.update(`${parts.join('\t')}\n`);
  for (const collection of KIND_NAMES) {
    const entries = (await collectionEntries(collection)) as { id: string; data: unknown; digest?: string | number }[];
    for (const entry of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      // An article's data without its body; any other file whole.
      add(collection, entry.id, collection === 'articles' ? JSON.stringify(entry.data) : String(entry.digest ?? JSON.stringify(entry.data)));
    }
  }
  add('quotes', JSON.stringify((await getQuoteLedger()).quotes));
  add('git', JSON.stringify([...(await getStandards()).articles]));
  add('date', BUILD_DATE.iso);
  for (const [name, value] of Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name.startsWith('CHRONICLE_') && !PLACEMENT.has(name)) add('env', name, value ?? '');
  }
  return hash.digest('hex').slice(0, 32);
});

/** Adds the incremental build's key to each static path; `own` adds what only that page shows. */
export async function withCacheKeys<T extends object>(paths: readonly T[], own?: (path: T) => string | number | undefined): Promise<(T & { cacheKey: string })[]> {
  const key = await siteKey();
  return paths.map((path) => ({ ...path, cacheKey: own ? `${key}:${own(path) ?? ''}` : key }));
}
