import type { AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assignParts, partCount, partDir, partSignature, PARTS_FILE, type PartOptions, type PartsManifest } from '../lib/search-parts.ts';

/** A rendered page: its site path (without the base) and its HTML. */
export interface PageFile { url: string; file: string }

/** Indexes pages into one in-memory Pagefind bundle (src/integrations/search.ts). */
export type Indexer = (pages: AsyncIterable<{ url: string; html: string }>, logger?: AstroIntegrationLogger) => Promise<{ files: Map<string, Uint8Array>; count: number }>;

export interface PartsOptions extends PartOptions {
  /** Where finished parts are kept between builds. */
  cacheDir: string;
  /** The bundle folder, `dist/pagefind/`. */
  target: string;
  index: Indexer;
  /** Changes whenever the indexer's settings or version change, so cached parts are not reused across them. */
  settings: string;
  /** Ends each part's Pagefind process, returning its memory before the next part starts. */
  close: () => Promise<unknown>;
  isSearchable: (html: string) => boolean;
  logger?: AstroIntegrationLogger;
}

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += limit) await Promise.all(items.slice(start, start + limit).map(work));
}

/** Puts a cached part into dist/: hard links where the file system allows (no bytes copied), copies otherwise. */
async function linkTree(from: string, to: string) {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const folders = new Map<string, Promise<unknown>>();
  await eachLimited(entries.filter((entry) => entry.isFile()), 32, async (entry) => {
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length + 1));
    const folder = dirname(target);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await link(source, target).catch(() => copyFile(source, target));
  });
}

async function writeFiles(dir: string, files: Map<string, Uint8Array>) {
  for (const [path, content] of files) {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/**
 * Indexes `pages` (every built HTML file; those without searchable content are
 * skipped) in parts, reusing each part from the cache when its pages are
 * unchanged, and writes the bundle: the main part at `target`, the others at
 * `target/part-<k>/`, with `parts.json` listing them.
 */
export async function indexInParts(pages: readonly PageFile[], options: PartsOptions): Promise<{ count: number; parts: number; reused: number }> {
  // First pass: which pages are searchable, and a hash of each. Only hashes stay in memory.
  const searchable: (PageFile & { hash: string })[] = [];
  await eachLimited(pages, 16, async (page) => {
    const html = await readFile(page.file, 'utf8');
    if (options.isSearchable(html)) searchable.push({ ...page, hash: sha256(html) });
  });
  searchable.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const groups = assignParts(searchable, partCount(searchable.length, options));

  await rm(options.target, { recursive: true, force: true });
  await mkdir(options.cacheDir, { recursive: true });
  const used = new Set<string>();
  const manifest: PartsManifest = { parts: [] };
  let count = 0;
  let reused = 0;
  for (const [part, group] of groups.entries()) {
    const digest = sha256(partSignature(options.settings, group)).slice(0, 32);
    used.add(digest);
    const cached = join(options.cacheDir, digest);
    const entryFile = join(cached, 'pagefind-entry.json');
    let entry: string | undefined = await readFile(entryFile, 'utf8').catch(() => undefined);
    if (entry) reused += 1;
    else {
      async function* read() {
        for (const page of group) yield { url: page.url, html: await readFile(page.file, 'utf8') };
      }
      const temporary = `${cached}.tmp`;
      try {
        const { files } = await options.index(read(), options.logger);
        await rm(temporary, { recursive: true, force: true });
        await writeFiles(temporary, files);
        await rm(cached, { recursive: true, force: true });
        await rename(temporary, cached);
      } finally {
        await options.close();
      }
      entry = await readFile(entryFile, 'utf8');
    }
    count += group.length;
    const output = join(options.target, partDir(part));
    await linkTree(cached, output);
    if (part > 0) manifest.parts.push({ path: partDir(part), languages: (JSON.parse(entry) as { languages?: PartsManifest['parts'][number]['languages'] }).languages ?? {} });
  }
  await writeFile(join(options.target, PARTS_FILE), JSON.stringify(manifest));

  // Parts no page belongs to any more.
  for (const name of await readdir(options.cacheDir)) {
    if (!used.has(name)) await rm(join(options.cacheDir, name), { recursive: true, force: true });
  }
  return { count, parts: groups.length, reused };
}
