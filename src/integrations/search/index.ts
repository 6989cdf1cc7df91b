import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import type { AddressInfo } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { ContentPass } from '../content-pass.ts';
import { articlePath, entityPath, joinBase } from '../../lib/core/urls.ts';
import { SITE_LANGUAGE } from '../../lib/core/language.ts';
import { ENTITY_KINDS } from '../../lib/core/kinds.ts';
import { htmlLanguage, prepareIndexedHtml } from '../../lib/search/text.ts';
import { mayBeSearchable } from '../../lib/search/indexed-pages.ts';
import { indexInParts } from './index-parts.ts';
import { createIndex, indexDirectory, NEEDED, unlessFailed } from './pagefind-bundle.ts';
import { sourceFingerprint } from '../../lib/build/source-fingerprint.ts';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Where the index lives, under the site's base path. */
const BUNDLE_DIR = 'pagefind';

/** A rendered page: its site path (without the base) and its HTML. */
export interface RenderedPage { url: string; html: string }

/** Pages handed to Pagefind at once. */
const MAX_IN_FLIGHT = 32;

/** Pages mark what is searchable with data-pagefind-body; lists, timelines and redirects carry none. */
const isSearchable = (html: string) => html.includes('data-pagefind-body');

/**
 * Builds an in-memory Pagefind index from rendered pages, the same way for
 * `astro build` and the dev server. Each page's text goes through the
 * language's search normaliser first (see src/lib/search/text.ts).
 */
async function indexPages(pages: AsyncIterable<RenderedPage>, logger?: AstroIntegrationLogger): Promise<{ files: Map<string, Uint8Array>; count: number }> {
  const index = await createIndex();
  let count = 0;
  // Pages go to Pagefind's process many at a time: one round trip per page would dominate a large build.
  const inFlight = new Set<Promise<void>>();
  for await (const page of pages) {
    if (!isSearchable(page.html)) continue;
    const lang = htmlLanguage(page.html, SITE_LANGUAGE);
    const task: Promise<void> = index.addHTMLFile({ url: page.url, content: prepareIndexedHtml(page.html, lang) }).then((added) => {
      if (added.errors.length > 0) logger?.warn(`${page.url}: ${added.errors.join('; ')}`);
      else count += 1;
    }).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const result = unlessFailed(await index.getFiles(), 'write its index');
  await index.deleteIndex();
  const files = new Map(result.files.filter((file) => NEEDED.test(file.path)).map((file) => [file.path, file.content]));
  return { files, count };
}

/** Indexes one part in this process, ending its Pagefind process (and returning its memory) afterwards. */
async function indexHere(siteDir: string, bundleDir: string): Promise<number> {
  try {
    return await indexDirectory(siteDir, bundleDir);
  } finally {
    await pagefind.close();
  }
}

/** Indexes one part in a worker thread with its own Pagefind process (search-worker.ts), for parts side by side. */
function indexInWorker(root: string) {
  const script = join(root, 'src/integrations/search/pagefind-worker.ts');
  return (siteDir: string, bundleDir: string) => new Promise<number>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { siteDir, bundleDir } });
    let count: number | undefined;
    worker.once('message', (message: { count: number }) => { count = message.count; });
    worker.once('error', reject);
    worker.once('exit', (code) => (count === undefined ? reject(new Error(`the search indexing worker stopped (exit code ${code})`)) : resolve(count)));
  });
}

/** Runs `work` over `items` with at most `limit` at a time, yielding results in order. */
async function* inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  for (let start = 0; start < items.length; start += limit) {
    yield* await Promise.all(items.slice(start, start + limit).map(work));
  }
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(dir, file).startsWith(`${BUNDLE_DIR}${sep}`))
    .sort();
}

/** `articles/x/index.html` → `/articles/x/`, as Pagefind would name it. */
function sitePathOf(dir: string, file: string): string {
  const rel = relative(dir, file).split(sep).join('/');
  return `/${rel.replace(/(?:^|\/)index\.html$/, (m) => (m.startsWith('/') ? '/' : ''))}`;
}

/** Every page the dev server would put in the index: articles (drafts too) and entity pages. */
function devPagePaths(pass: ContentPass): string[] {
  const archive = pass.archive({ includeDrafts: true });
  return [
    ...archive.articles.map((a) => articlePath(a.id)),
    ...ENTITY_KINDS.flatMap((kind) => [...archive.entities.get(kind)!.keys()].map((id) => entityPath(kind, id))),
  ];
}

function loopbackOrigin(server: ViteDevServer): string {
  const address = server.httpServer?.address() as AddressInfo | null;
  if (!address) throw new Error('the dev server is not listening yet');
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/**
 * Dev server: the index is built in memory from the pages the dev server
 * renders right now, on the first request under /pagefind/, and built again
 * after any change to content or source.
 */
function serveDevIndex(server: ViteDevServer, pass: ContentPass, base: string, logger: AstroIntegrationLogger): void {
  const root = pass.root();
  const prefix = `/${BUNDLE_DIR}/`;
  const watched = [pass.result().contentDir, resolve(root, 'src')];
  let bundle: Promise<Map<string, Uint8Array>> | undefined;

  const build = async () => {
    const started = performance.now();
    const origin = loopbackOrigin(server);
    const failed: string[] = [];
    const fetchPage = async (path: string): Promise<RenderedPage> => {
      let response: Response | undefined;
      // The dev server can fail a page's very first render when several compile at once; a retry renders it.
      for (let attempt = 0; attempt < 3 && !response?.ok; attempt += 1) {
        if (attempt > 0) await new Promise((wait) => setTimeout(wait, 250 * attempt));
        response = await fetch(`${origin}${joinBase(base, path)}`).catch(() => undefined);
      }
      if (!response?.ok) failed.push(`${path} (${response?.status ?? 'no answer'})`);
      return { url: path, html: response?.ok ? await response.text() : '' };
    };
    const { files, count } = await indexPages(inBatches(devPagePaths(pass), 4, fetchPage), logger);
    logger.info(`indexed ${count} pages for search in ${Math.round(performance.now() - started)} ms`);
    if (failed.length > 0) logger.warn(`left out of the search index for now: ${failed.join(', ')}`);
    return { files, complete: failed.length === 0 };
  };
  // The previous index too: a search page opened before a rebuild still asks for its chunk files.
  let previous: Map<string, Uint8Array> | undefined;
  const current = (): Promise<Map<string, Uint8Array>> => {
    if (!bundle) {
      const building: Promise<Map<string, Uint8Array>> = build().then(({ files, complete }) => {
        // Pages that failed to render (an error being fixed, content still syncing) are tried again soon.
        if (!complete) setTimeout(() => { if (bundle === building) invalidate(); }, 10_000).unref();
        return files;
      }, (error: unknown) => {
        if (bundle === building) bundle = undefined;
        throw error;
      });
      bundle = building;
    }
    return bundle;
  };
  const invalidate = () => {
    bundle?.then((files) => { previous = files; }, () => {});
    bundle = undefined;
  };

  server.watcher.on('all', (_event, file) => {
    if (watched.some((dir) => file.startsWith(dir))) invalidate();
  });
  server.middlewares.use((request, response, next) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
    // Astro's dev server may already have taken the base path off (`/chronicle/pagefind/…` → `/pagefind/…`).
    const path = requested.startsWith(base) ? requested.slice(base.length - 1) : requested;
    // Opening the search page starts indexing, so results are ready by the time the reader types.
    if (/^\/search\/(?:[a-z]{2,3}\/)?$/.test(path)) void current().catch(() => {});
    if (!path.startsWith(prefix)) return next();
    current().then((files) => {
      const name = path.slice(prefix.length);
      const content = files.get(name) ?? previous?.get(name);
      if (!content) {
        response.statusCode = 404;
        return response.end('not in the search index');
      }
      response.setHeader('content-type', contentType(path));
      response.setHeader('cache-control', 'no-store');
      response.end(content);
    }, (error: unknown) => {
      logger.error(`could not build the dev search index: ${error instanceof Error ? error.message : String(error)}`);
      response.statusCode = 500;
      response.end('the search index could not be built; see the dev server log');
    });
  });
}

function contentType(path: string): string {
  if (path.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}

/**
 * What cached index parts depend on besides their pages: Pagefind's version
 * and the code that prepares pages for it, so a change to either re-indexes.
 */
function indexerSettings(root: string): string {
  const sources = ['src/integrations/search/index.ts', 'src/integrations/search/index-parts.ts', 'src/integrations/search/pagefind-bundle.ts', 'src/lib/search/text.ts', 'src/lib/search/normalize.ts', 'src/lib/search/fields.ts', 'src/lib/core/language.ts'];
  const version = (JSON.parse(readFileSync(join(root, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;
  return sourceFingerprint(sources.map((file) => join(root, file)), [version]);
}

/**
 * `CHRONICLE_SEARCH_PART_PAGES` sets the part size (tests use small parts);
 * `CHRONICLE_SEARCH_CONCURRENCY` how many parts are indexed at once, each by
 * its own Pagefind process on its own core. One by default: each process holds
 * its whole part in memory, on top of what Astro still holds when the index is
 * built (figures in BENCHMARKS.md, "Search").
 */
function partOptions(env: Record<string, string | undefined>): { pagesPerPart?: number; concurrency: number } {
  const pages = Number(env.CHRONICLE_SEARCH_PART_PAGES);
  const concurrency = Number(env.CHRONICLE_SEARCH_CONCURRENCY);
  return {
    ...(Number.isInteger(pages) && pages > 0 ? { pagesPerPart: pages } : {}),
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 1,
  };
}

/**
 * Full-text search with Pagefind's Node API: `astro build` indexes the built
 * pages into dist/pagefind/; `astro dev` serves an index of the pages it
 * renders at the same address.
 */
export default function search(pass: ContentPass): AstroIntegration {
  let root = '';
  let base = '/';
  let cacheDir = '';
  return {
    name: 'chronicle-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server, logger }) => serveDevIndex(server, pass, base, logger),
      'astro:server:done': async () => {
        await pagefind.close();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        // Only pages that may carry searchable content are read (src/lib/search/indexed-pages.ts).
        const pages = (await htmlFiles(outDir))
          .map((file) => ({ file, path: relative(outDir, file), url: sitePathOf(outDir, file) }))
          .filter((page) => mayBeSearchable(page.url));
        try {
          // In parts, each kept in the build cache until one of its pages changes (src/lib/search/parts.ts).
          const options = partOptions(process.env);
          const { count, parts, reused } = await indexInParts(pages, {
            cacheDir: join(cacheDir, 'search-index'),
            target: join(outDir, BUNDLE_DIR),
            index: options.concurrency > 1 ? indexInWorker(root) : indexHere,
            settings: indexerSettings(root),
            isSearchable,
            prepare: (html) => prepareIndexedHtml(html, htmlLanguage(html, SITE_LANGUAGE)),
            logger,
            ...options,
          });
          logger.info(`indexed ${count} pages for search in ${parts} part${parts === 1 ? '' : 's'} (${reused} unchanged, from the cache) in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
