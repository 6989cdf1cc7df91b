/**
 * One Pagefind bundle from a folder of prepared pages, through Pagefind's
 * Node API. Kept apart from index.ts, with nothing but Pagefind and Node
 * imports, so that a worker thread (pagefind-worker.ts) can load it on its own
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
const EXCLUDE_SELECTORS = ['.facts dt'];

/**
 * Pagefind answers a failed call with a list of messages instead of throwing;
 * this throws them, saying what could not be done.
 */
export function unlessFailed<T extends { errors: string[] }>(response: T, failed: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind could not ${failed}: ${response.errors.join('; ')}`);
  return response;
}

/** A new index in Pagefind's process, with the site's settings. */
export async function createIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

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
  const index = await createIndex();
  const added = unlessFailed(await index.addDirectory({ path: siteDir }), `index ${siteDir}`);
  unlessFailed(await index.writeFiles({ outputPath: bundleDir }), 'write its index');
  await index.deleteIndex();
  await pruneBundle(bundleDir);
  return added.page_count;
}
