/**
 * A worker thread that indexes one part of the search index (search-parts.ts)
 * with a Pagefind process of its own, so parts can be indexed side by side:
 * Pagefind indexes on one core, and the Node API keeps one process per module
 * instance. Run by search.ts with `workerData` = { siteDir, bundleDir }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { close } from 'pagefind';
import { indexDirectory } from './pagefind-bundle.ts';

const { siteDir, bundleDir } = workerData as { siteDir: string; bundleDir: string };
try {
  parentPort?.postMessage({ count: await indexDirectory(siteDir, bundleDir) });
} finally {
  await close();
}
