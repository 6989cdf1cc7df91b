import type { AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assignParts, partCount, partDir, partSignature, PARTS_FILE, type PartOptions, type PartsManifest } from '../../lib/search/parts.ts';

/** A built page: its site path (without the base), its file, and that file's path inside dist/. */
export interface PageFile { url: string; file: string; path: string }

/**
 * Indexes the HTML files under `siteDir` into a Pagefind bundle written at
 * `bundleDir` (search-bundle.ts), returning how many pages it indexed.
 */
export type DirectoryIndexer = (siteDir: string, bundleDir: string, logger?: AstroIntegrationLogger) => Promise<number>;

export interface PartsOptions extends PartOptions {
  /** Where finished parts are kept between builds. */
  cacheDir: string;
  /** The bundle folder, `dist/pagefind/`. */
  target: string;
  index: DirectoryIndexer;
  /** Changes whenever the indexer's settings or version change, so cached parts are not reused across them. */
  settings: string;
  /** Parts indexed at the same time (default 1). */
  concurrency?: number;
  isSearchable: (html: string) => boolean;
  /** A page's HTML as Pagefind should read it (the language's search normaliser). */
  prepare: (html: string) => string;
  logger?: AstroIntegrationLogger;
}

/** A searchable page, with a hash of its HTML and whether preparing it changes it. */
interface Searchable extends PageFile { hash: string; prepared: boolean }

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += limit) await Promise.all(items.slice(start, start + limit).map(work));
}

/** `work` over `items` with at most `limit` running at once; results in the order of `items`. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, run));
  return results;
}

/** Runs `work` over files, creating each target's folder once. */
async function eachInFolders<T>(items: readonly T[], targetOf: (item: T) => string, work: (item: T, target: string) => Promise<unknown>) {
  const folders = new Map<string, Promise<unknown>>();
  await eachLimited(items, 32, async (item) => {
    const target = targetOf(item);
    const folder = dirname(target);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await work(item, target);
  });
}

/** Hard links where the file system allows (no bytes copied), copies otherwise. */
const linkOrCopy = (source: string, target: string) => link(source, target).catch(() => copyFile(source, target));

/** Puts a cached part into dist/. */
async function linkTree(from: string, to: string) {
  const entries = (await readdir(from, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  await eachInFolders(entries, (entry) => join(to, join(entry.parentPath, entry.name).slice(from.length + 1)), (entry, target) => linkOrCopy(join(entry.parentPath, entry.name), target));
}

/**
 * The pages of one part laid out as a site for Pagefind to read itself (it
 * reads and parses files in parallel, with no message per page): each page at
 * its own path, linked from dist/ as it is, or written out when the search
 * normaliser changes it.
 */
async function stageSite(dir: string, pages: readonly Searchable[], prepare: (html: string) => string) {
  await rm(dir, { recursive: true, force: true });
  await eachInFolders(pages, (page) => join(dir, page.path), async (page, target) => {
    if (page.prepared) await writeFile(target, prepare(await readFile(page.file, 'utf8')));
    else await linkOrCopy(page.file, target);
  });
}

/**
 * Indexes `pages` (the built pages that may be searchable; those without
 * searchable content are skipped) in parts, reusing each part from the cache
 * when its pages are unchanged, and writes the bundle: the main part at
 * `target`, the others at `target/part-<k>/`, with `parts.json` listing them.
 */
export async function indexInParts(pages: readonly PageFile[], options: PartsOptions): Promise<{ count: number; parts: number; reused: number }> {
  // One read of each page: is it searchable, a hash of it, and does the normaliser change it. Only that stays in memory.
  const searchable: Searchable[] = [];
  await eachLimited(pages, 16, async (page) => {
    const html = await readFile(page.file, 'utf8');
    if (options.isSearchable(html)) searchable.push({ ...page, hash: sha256(html), prepared: options.prepare(html) !== html });
  });
  searchable.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const groups = assignParts(searchable, partCount(searchable.length, options));

  await rm(options.target, { recursive: true, force: true });
  await mkdir(options.cacheDir, { recursive: true });
  const digests = groups.map((group) => sha256(partSignature(options.settings, group)).slice(0, 32));
  let reused = 0;
  // Each part's bundle, from the cache or indexed now, a few parts at a time.
  const entries = await mapLimited(groups, options.concurrency ?? 1, async (group, part) => {
    const cached = join(options.cacheDir, digests[part]!);
    const entryFile = join(cached, 'pagefind-entry.json');
    const entry = await readFile(entryFile, 'utf8').catch(() => undefined);
    if (entry) {
      reused += 1;
      return entry;
    }
    const site = `${cached}.site`;
    const temporary = `${cached}.tmp`;
    try {
      await stageSite(site, group, options.prepare);
      await rm(temporary, { recursive: true, force: true });
      const indexed = await options.index(site, temporary, options.logger);
      if (indexed !== group.length) options.logger?.warn(`search index part ${part}: ${indexed} of ${group.length} pages indexed`);
      await rm(cached, { recursive: true, force: true });
      await rename(temporary, cached);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
    return readFile(entryFile, 'utf8');
  });
  const manifest: PartsManifest = { parts: [] };
  let count = 0;
  for (const [part, group] of groups.entries()) {
    count += group.length;
    await linkTree(join(options.cacheDir, digests[part]!), join(options.target, partDir(part)));
    if (part > 0) manifest.parts.push({ path: partDir(part), languages: (JSON.parse(entries[part]!) as { languages?: PartsManifest['parts'][number]['languages'] }).languages ?? {} });
  }
  await writeFile(join(options.target, PARTS_FILE), JSON.stringify(manifest));

  // Parts no page belongs to any more (and anything an interrupted build left).
  const used = new Set(digests);
  for (const name of await readdir(options.cacheDir)) {
    if (!used.has(name)) await rm(join(options.cacheDir, name), { recursive: true, force: true });
  }
  return { count, parts: groups.length, reused };
}
