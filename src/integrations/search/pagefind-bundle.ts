/**
 * One Pagefind bundle from a folder of prepared pages, through Pagefind's
 * Node API. Kept apart from search.ts, with nothing but Pagefind and Node
 * imports, so that a worker thread (search-worker.ts) can load it on its own
 * and drive a Pagefind process of its own.
 */
import { readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The bundle files our own search page needs. Pagefind also emits its
 * ready-made UIs and a highlight script; the site uses none of them.
 */
export const NEEDED = /^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|(?:index|fragment|filter)\/.+)$/;

/** Labels of fact lists ("Role", "Also known as") would fuse with their values ("asVelayati"). */
export const EXCLUDE_SELECTORS = ['.facts dt'];

/** Removes what Pagefind writes besides the files in NEEDED. */
async function pruneBundle(dir: string) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  await Promise.all(entries
    .filter((entry) => entry.isFile() && !NEEDED.test(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')))
    .map((entry) => rm(join(entry.parentPath, entry.name))));
}

/**
 * Builds a Pagefind bundle at `bundleDir` from the pages under `siteDir`,
 * returning how many it indexed. Pagefind reads the files and writes the
 * bundle itself: only the two paths cross its message channel, where sending
 * each page and receiving the bundle back cost as much as the indexing. A
 * page's URL is its path under `siteDir`, as in dist/.
 */
export async function indexDirectory(siteDir: string, bundleDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: bundleDir });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  await pruneBundle(bundleDir);
  return added.page_count;
}
