/**
 * `node scripts/bench-search.ts <dist> [--base /chronicle/] [--queries a,b,c] [--delay 60]`
 *
 * Search as a reader meets it, in headless Chromium, on a built site: opens
 * /search/ with a cold cache, types a first query key by key, then a few more,
 * and prints JSON with
 *   - the time from the last keystroke to the first results being on screen
 *     (the frame after the page's first `search:rendered` event for the
 *     query), and to the whole answer (every language searched: the event
 *     whose `complete` is true), per query;
 *   - the bytes the first query cost: from focusing the box to the results
 *     (search code, index, fragments), then for the facet counts shown after
 *     them (filter index, labels); as an uncompressed static server sends
 *     them and as a gzip host would.
 * `--cold N` repeats the first query N times, each in a fresh browser context
 * (nothing cached), and reports the median of those as well.
 * Without `--queries` (or `--headlines`: a long word from a few headlines) the words
 * are chosen by the share of articles holding them (scripts/bench/search-words.ts):
 * common (≥ 90 %), mid and rare, plus one with no match; each later word is typed
 * `--rounds N` times (3) and the JSON gives, per class, the median and slowest time
 * to first results and to settled (every language in, the first page drawn, facets
 * counted: neither list busy). `--trace` prints, to stderr, the page's own trace of
 * each query (src/client/search/trace.ts): each Pagefind search with its parts'
 * times, fragment loads, drawing, facet counts.
 * Goals (issue 20), 10,000 articles: first results ≤ 50 ms after the first query,
 * settled ≤ 150 ms, first query ≤ 300 ms and ≤ 300 KB gzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import type { Page, Request } from 'playwright-core';
import { serveDir } from '../e2e/helpers/serve.ts';
import { launchBrowser } from '../e2e/helpers/browser.ts';
import { articlePages, classedWords, type ClassedWord, type WordClass } from './bench/search-words.ts';
import { traceLines, traceSince, type TraceStep } from './bench/search-trace.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: '/' },
    queries: { type: 'string' },
    delay: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '3' },
    cold: { type: 'string', default: '1' },
    headlines: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
});
const dist = positionals[0];
if (!dist) {
  console.error('usage: node scripts/bench-search.ts <dist> [--base /] [--queries a,b,c] [--delay ms-between-keys]');
  process.exit(2);
}
const base = args.base.endsWith('/') ? args.base : `${args.base}/`;
const keyDelay = Number(args.delay);

/** Headline words of a few articles, spread over the archive, as queries that have results. */
function defaultQueries(count: number): string[] {
  const files = articlePages(dist!);
  const words: string[] = [];
  const step = Math.max(1, Math.floor(files.length / (count * 3)));
  for (let i = 0; i < files.length && words.length < count; i += step) {
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(readFileSync(files[i]!, 'utf8'))?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    const word = h1.split(/[^\p{L}]+/u).filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0];
    if (word && !words.includes(word.toLowerCase())) words.push(word.toLowerCase());
  }
  return words;
}

interface Transfer { url: string; bytes: number; gzip: number; /** The same URL was fetched before: an HTTP cache would not fetch it again. */ repeat: boolean }

/**
 * The body bytes of a served file, as sent uncompressed (read from dist: the browser's own
 * accounting misses worker scripts) and as a gzip host would send it (Pagefind's index
 * files are compressed already).
 */
function bodySizes(pathname: string, reported: number): { raw: number; gzip: number } {
  const file = join(dist!, decodeURIComponent(pathname.slice(base.length - 1)));
  const target = pathname.endsWith('/') ? join(file, 'index.html') : file;
  try {
    const content = readFileSync(target);
    const text = ['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml'].includes(extname(target));
    return { raw: content.length, gzip: text ? gzipSync(content, { level: 6 }).length : content.length };
  } catch {
    return { raw: reported, gzip: reported };
  }
}

function recorder(page: Page) {
  let transfers: Transfer[] = [];
  const pending: Promise<void>[] = [];
  const seen = new Set<string>();
  const onFinished = (request: Request) => {
    const repeat = seen.has(request.url());
    seen.add(request.url());
    pending.push(request.sizes().then((sizes) => {
      const url = new URL(request.url());
      const body = bodySizes(url.pathname, sizes.responseBodySize);
      transfers.push({ url: url.pathname, bytes: body.raw + sizes.responseHeadersSize, gzip: body.gzip + sizes.responseHeadersSize, repeat });
    }, () => {}));
  };
  page.context().on('requestfinished', onFinished);
  return {
    async take(): Promise<Transfer[]> {
      await Promise.all(pending.splice(0));
      const taken = transfers;
      transfers = [];
      return taken;
    },
  };
}

// Index parts sit in pagefind/part-<k>/ (src/lib/search/parts.ts).
const kindOf = (path: string) =>
  /\/pagefind\/(part-\d+\/)?fragment\//.test(path) ? 'fragments' : /\/pagefind\/(part-\d+\/)?index\//.test(path) ? 'index'
    : /\/pagefind\/(part-\d+\/)?filter\//.test(path) ? 'filters' : /\.pf_meta$/.test(path) ? 'meta' : /\.pagefind$/.test(path) ? 'wasm'
      : /\/pagefind\//.test(path) ? 'pagefind-js-and-entry' : /labels\.json$/.test(path) ? 'labels' : 'page';

function summarize(transfers: Transfer[]) {
  const byKind: Record<string, { requests: number; bytes: number; gzip: number }> = {};
  for (const t of transfers) {
    const kind = (byKind[kindOf(t.url)] ??= { requests: 0, bytes: 0, gzip: 0 });
    kind.requests += 1;
    kind.bytes += t.bytes;
    kind.gzip += t.gzip;
  }
  return {
    requests: transfers.length,
    kb: Math.round(transfers.reduce((sum, t) => sum + t.bytes, 0) / 102.4) / 10,
    kbGzip: Math.round(transfers.reduce((sum, t) => sum + t.gzip, 0) / 102.4) / 10,
    /** Without the files fetched again at the same URL (the test server sends no caching headers; real hosts do). */
    kbGzipCached: Math.round(transfers.filter((t) => !t.repeat).reduce((sum, t) => sum + t.gzip, 0) / 102.4) / 10,
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { requests: v.requests, kb: Math.round(v.bytes / 102.4) / 10, kbGzip: Math.round(v.gzip / 102.4) / 10 }])),
  };
}

type Rendered = { at: number; total: number };
type BenchState = { lastKey: number; first: Promise<Rendered>; complete: Promise<Rendered> };
interface Timed { ms: number; completeMs: number; settledMs: number; results: number; trace: TraceStep[] }

/**
 * Types `query` into the (empty) search box and returns ms from the last keystroke to the next
 * frame after its first results render, and after the whole answer renders (other languages joined).
 */
async function timedQuery(page: Page, query: string, onFirst?: () => Promise<void>): Promise<Timed> {
  await page.evaluate((q) => {
    const input = document.querySelector<HTMLInputElement>('#search-q')!;
    const root = document.querySelector('[data-search]')!;
    const state = { lastKey: 0 } as BenchState;
    input.addEventListener('input', () => { state.lastKey = performance.now(); });
    const rendered = (wanted: (detail: { complete?: boolean }) => boolean) => new Promise<Rendered>((resolve) => {
      const onRendered = (event: Event) => {
        const detail = (event as CustomEvent<{ q: string; total: number; complete?: boolean }>).detail;
        if (detail.q !== q || !wanted(detail)) return;
        root.removeEventListener('search:rendered', onRendered);
        requestAnimationFrame(() => resolve({ at: performance.now(), total: detail.total }));
      };
      root.addEventListener('search:rendered', onRendered);
    });
    state.first = rendered(() => true);
    // Pages from before the event said whether the answer was complete counted every render as complete.
    state.complete = rendered((detail) => detail.complete !== false);
    (window as unknown as { __bench: BenchState }).__bench = state;
  }, query);
  await page.keyboard.type(query, { delay: keyDelay });
  const first = await page.evaluate(async () => {
    const bench = (window as unknown as { __bench: BenchState }).__bench;
    return Math.round(((await bench.first).at - bench.lastKey) * 10) / 10;
  });
  await onFirst?.();
  const timed = await page.evaluate(async (ms) => {
    const bench = (window as unknown as { __bench: BenchState }).__bench;
    const complete = await bench.complete;
    // Settled: every language answered, the first page drawn, the facets counted (neither list busy).
    const settled = await new Promise<number>((resolve) => {
      const poll = () => (document.querySelector('[data-results][aria-busy], [data-facets][aria-busy]')
        ? requestAnimationFrame(poll) : resolve(performance.now()));
      poll();
    });
    const since = (at: number) => Math.round((at - bench.lastKey) * 10) / 10;
    return { ms, completeMs: since(complete.at), settledMs: since(settled), results: complete.total, lastKey: bench.lastKey };
  }, first);
  const { lastKey, ...rest } = timed;
  return { ...rest, trace: await traceSince(page, lastKey) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// By default: words by the share of articles holding them, a common one first (scripts/bench/search-words.ts).
const classed: ClassedWord[] = args.queries
  ? args.queries.split(',').map((q) => q.trim()).filter(Boolean).map((word) => ({ word, wordClass: 'given' as WordClass, articleShare: NaN }))
  : args.headlines ? defaultQueries(6).map((word) => ({ word, wordClass: 'given' as WordClass, articleShare: NaN })) : classedWords(dist);
const queries = classed.map((c) => c.word);
const classOf = new Map(classed.map((c) => [c.word, c]));
if (queries.length === 0) throw new Error(`no queries: pass --queries, or build articles into ${dist}`);
const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
// A large index comes in parts (src/lib/search/parts.ts), each with its own languages.
const partsFile = join(dist, 'pagefind', 'parts.json');
const parts = existsSync(partsFile) ? (JSON.parse(readFileSync(partsFile, 'utf8')) as { parts: { languages: Record<string, { page_count: number }> }[] }).parts : [];
const pagesIndexed = [entry, ...parts].reduce((sum, bundle) => sum + Object.values(bundle.languages).reduce((n, l) => n + l.page_count, 0), 0);

const server = await serveDir(dist, base);
const browser = await launchBrowser();

/** A fresh context (cold cache): the search page, then the first query typed; bytes until its first results, then until the facets. */
async function coldFirstQuery() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const record = recorder(page);
  await page.goto(`${server.url}search/`, { waitUntil: 'load' });
  const pageLoad = summarize(await record.take());
  await page.locator('#search-q').focus();
  let toResults: Transfer[] = [];
  const first = await timedQuery(page, queries[0]!, async () => { toResults = await record.take(); });
  // Then the other languages and the facets, after the results are on screen.
  const facetsStart = Date.now();
  await page.waitForFunction(() => !document.querySelector('[data-facets][aria-busy]'), null, { timeout: 300_000 });
  const facetsMs = Date.now() - facetsStart + first.completeMs;
  const facets = await record.take();
  if (process.env.BENCH_DEBUG) console.error([...toResults, ...facets].map((t) => `${t.url} ${t.bytes}`).join('\n'));
  return { page, record, pageLoad, first, toResults, facets, facetsMs };
}

try {
  const colds = [];
  for (let run = 1; run < Math.max(1, Number(args.cold)); run++) {
    const cold = await coldFirstQuery();
    colds.push({ ms: cold.first.ms, completeMs: cold.first.completeMs, kbGzip: summarize(cold.toResults).kbGzip });
    await cold.page.context().close();
  }
  const { page, record, pageLoad, first, toResults, facets, facetsMs } = await coldFirstQuery();
  colds.push({ ms: first.ms, completeMs: first.completeMs, kbGzip: summarize(toResults).kbGzip });

  const warm: ({ query: string; kb: number } & Timed)[] = [];
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const query of queries.slice(1)) {
      await page.locator('#search-q').fill('');
      await page.waitForTimeout(300);
      const timed = await timedQuery(page, query);
      await page.waitForTimeout(200);
      warm.push({ query, ...timed, kb: summarize(await record.take()).kb });
    }
  }
  const firstTimed = { query: queries[0]!, kb: 0, ...first };
  // Per word class: median and slowest, to first results and to settled (the first query apart: it loads everything).
  const byClass = Object.fromEntries([...new Set(classed.map((c) => c.wordClass))].map((wordClass) => {
    const runs = warm.filter((w) => classOf.get(w.query)?.wordClass === wordClass);
    const stat = (key: 'ms' | 'settledMs') => (runs.length ? { median: median(runs.map((r) => r[key])), max: Math.max(...runs.map((r) => r[key])) } : null);
    return [wordClass, { words: [...new Set(runs.map((r) => `${r.query} (${r.results})`))], runs: runs.length, firstResults: stat('ms'), settled: stat('settledMs') }];
  }));
  if (args.trace) {
    for (const run of [firstTimed, ...warm]) {
      console.error(`\n"${run.query}" (${classOf.get(run.query)?.wordClass}, ${run.results} results): first results ${run.ms} ms, settled ${run.settledMs} ms`);
      console.error(traceLines(run.trace).join('\n'));
    }
  }

  console.log(JSON.stringify({
    dist,
    pagesIndexed,
    indexParts: 1 + parts.length,
    keyDelayMs: keyDelay,
    searchPageLoad: pageLoad,
    firstQuery: {
      query: queries[0],
      ...first,
      trace: undefined,
      toResults: summarize(toResults),
      facetsShownAfterMs: facetsMs,
      afterResults: summarize(facets),
      total: summarize([...toResults, ...facets]),
    },
    coldRuns: colds,
    coldMedian: { ms: median(colds.map((c) => c.ms)), completeMs: median(colds.map((c) => c.completeMs)), kbGzip: median(colds.map((c) => c.kbGzip)) },
    byClass,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    laterQueries: warm.map(({ trace, ...run }) => ({ ...run, wordClass: classOf.get(run.query)?.wordClass })),
    laterMedianMs: warm.length ? median(warm.map((w) => w.ms)) : null,
    laterCompleteMedianMs: warm.length ? median(warm.map((w) => w.completeMs)) : null,
    laterMaxMs: warm.length ? Math.max(...warm.map((w) => w.ms)) : null,
    goal: { ms: 50, kb: 300 },
  }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
