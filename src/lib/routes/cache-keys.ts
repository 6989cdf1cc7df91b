import { createHash } from 'node:crypto';
import { ENTITY_KINDS, KIND_NAMES, type EntityKind } from '../core/kinds.ts';
import { collectionEntries } from './collections.ts';
import { getQuoteLedger } from './load-quote-ledger.ts';
import { getStandards } from './page-facts.ts';
import { BUILD_DATE } from './build-date.ts';
import { contentCache } from './content-cache.ts';
import { scopesOf, type PageScopes } from './page-scopes.ts';
import { getRouteData } from './route-data.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a
 * page whose key and code are unchanged since the last build is copied from
 * the build cache instead of rendered again.
 *
 * Article, entity, archive-by-year and timeline pages are keyed by what they
 * show (page-scopes.ts) and by what every page shows: the topic tree in the
 * sidebar, the build date and Chronicle's settings (`commonKey`). Editing one
 * article's frontmatter renders again its page, the pages that show it and
 * the pages of what it names; editing its text, its page alone (and the pages
 * that show its quotations). The other pages (the directories, the
 * quotations, the latest-articles pages, redirects) keep `siteKey`: one
 * digest of everything except article bodies, so any other edit renders
 * them again.
 */

/** Settings that only say where a build goes, not what its pages contain. */
const PLACEMENT = new Set(['CHRONICLE_OUT_DIR', 'CHRONICLE_CACHE_DIR', 'CHRONICLE_E2E_CACHE', 'CHRONICLE_SEARCH_PART_PAGES', 'CHRONICLE_SEARCH_CONCURRENCY']);

/** What every page shows whatever its subject: the topic tree, the build date and the settings. */
const commonKey: () => Promise<string> = contentCache(async () => {
  const hash = createHash('sha256');
  const add = (...parts: string[]) => hash.update(`${parts.join('\t')}\n`);
  const topics = (await collectionEntries('topics')) as { id: string; data: unknown; digest?: string | number }[];
  for (const topic of [...topics].sort((a, b) => (a.id < b.id ? -1 : 1))) add('topics', topic.id, String(topic.digest ?? JSON.stringify(topic.data)));
  addSettings(add);
  return hash.digest('hex').slice(0, 32);
});

function addSettings(add: (...parts: string[]) => void) {
  add('date', BUILD_DATE.iso);
  for (const [name, value] of Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name.startsWith('CHRONICLE_') && !PLACEMENT.has(name)) add('env', name, value ?? '');
  }
}

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
  addSettings(add);
  return hash.digest('hex').slice(0, 32);
});

/** Adds the incremental build's key to each static path; `own` adds what only that page shows. */
export async function withCacheKeys<T extends object>(paths: readonly T[], own?: (path: T) => string | number | undefined): Promise<(T & { cacheKey: string })[]> {
  const key = await siteKey();
  return paths.map((path) => ({ ...path, cacheKey: own ? `${key}:${own(path) ?? ''}` : key }));
}

const pageScopes: () => Promise<PageScopes> = contentCache(async () => scopesOf({ ...(await getRouteData()), files: await entityFiles() }));

/** Each entity file's digest, by kind and id (country ids lower case, as in the model). */
async function entityFiles(): Promise<Map<EntityKind, Map<string, string>>> {
  const files = new Map<EntityKind, Map<string, string>>();
  for (const kind of ENTITY_KINDS) {
    const entries = (await collectionEntries(kind)) as { id: string; data: unknown; digest?: string | number }[];
    files.set(kind, new Map(entries.map((entry) => [kind === 'countries' ? entry.id.toLowerCase() : entry.id, String(entry.digest ?? JSON.stringify(entry.data))])));
  }
  return files;
}


/**
 * Adds to each static path a key made of what every page shows and what
 * this page shows (`scope`, from page-scopes.ts): the page is rendered again
 * only when one of them changed.
 */
export async function withScopedKeys<T extends object>(paths: readonly T[], scope: (scopes: PageScopes, path: T) => string): Promise<(T & { cacheKey: string })[]> {
  const [common, scopes] = await Promise.all([commonKey(), pageScopes()]);
  return paths.map((path) => ({ ...path, cacheKey: `${common}:${scope(scopes, path)}` }));
}
