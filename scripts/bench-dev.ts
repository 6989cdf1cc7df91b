/**
 * `npm run bench:dev -- --articles 10000`
 *
 * The dev server as an author meets it, on the same generated corpus as
 * `npm run bench`: starts `astro dev` (in a copy of the project, with Astro's
 * content store empty, as after a fresh clone), and measures
 *   - ready: from the start to the content layer's first "Synced content";
 *   - per page kind, the first request (modules compiled, route data built)
 *     and then --warm more (median and slowest);
 *   - an edit: an article's title is saved and its page fetched until the new
 *     title shows (--edits times, median and slowest), and the first request
 *     of another page after the edit (the route data built again);
 *   - the search page, last (opening it starts the dev search index).
 * Results are printed and saved to .bench/dev-<label>.json.
 * Goals (issue 18): warm ≤ 300 ms, first ≤ 1 s, ready ≤ 30 s, edit ≤ 1 s.
 *
 * Options: --articles N (10000)  --seed S (1)  --mdx-share F (1)  --warm N (5)  --edits N (3)
 *          --tag NAME  --cpu-prof DIR (writes the server's CPU profile there when it stops)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cachedCorpus } from './bench/corpus-cache.ts';
import { devPages, retitle } from './bench/dev-pages.ts';
import { median } from './bench/dist-stats.ts';
import { machine } from './bench/report.ts';
import { startDevServer, type DevServer } from '../e2e/helpers/dev-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'mdx-share': { type: 'string', default: '1' },
    warm: { type: 'string', default: '5' },
    edits: { type: 'string', default: '3' },
    tag: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const choice = { articles: Number(args.articles), seed: Number(args.seed), mdxShare: Number(args['mdx-share']) };
const label = [choice.articles, ...(args.tag ? [args.tag] : [])].join('-');
const log = (message: string) => console.log(`[bench:dev] ${message}`);
const ms = (value: number) => `${Math.round(value)} ms`;

/** One request, body read to the end: milliseconds and the HTML. */
async function timed(server: DevServer, path: string): Promise<{ ms: number; status: number; html: string }> {
  const start = performance.now();
  const response = await fetch(new URL(path, server.url), { signal: AbortSignal.timeout(300_000) });
  const html = await response.text();
  return { ms: performance.now() - start, status: response.status, html };
}

interface PageFigures { kind: string; path: string; status: number; firstMs: number; warmMedianMs: number; warmSlowestMs: number }

async function measurePages(server: DevServer, pages: { kind: string; path: string }[], warm: number): Promise<PageFigures[]> {
  const figures: PageFigures[] = [];
  for (const { kind, path } of pages) {
    const first = await timed(server, path);
    const again: number[] = [];
    for (let i = 0; i < warm; i++) again.push((await timed(server, path)).ms);
    const row = { kind, path, status: first.status, firstMs: first.ms, warmMedianMs: median(again), warmSlowestMs: Math.max(...again) };
    log(`${kind.padEnd(14)} ${String(first.status)} first ${ms(row.firstMs)}, warm median ${ms(row.warmMedianMs)}, slowest ${ms(row.warmSlowestMs)}  /${path}`);
    figures.push(row);
  }
  return figures;
}

/** Saves a new title into the article and fetches its page until the title shows: milliseconds from the save. */
async function editVisible(server: DevServer, file: string, path: string, title: string): Promise<number> {
  const start = performance.now();
  writeFileSync(file, retitle(readFileSync(file, 'utf8'), title));
  for (;;) {
    const { html } = await timed(server, path);
    if (html.includes(title)) return performance.now() - start;
    if (performance.now() - start > 120_000) throw new Error(`the new title "${title}" did not show on /${path} within 2 minutes`);
    await new Promise((wait) => setTimeout(wait, 25));
  }
}

async function main() {
  const { dir, manifest } = await cachedCorpus(ROOT, choice, log);
  const pages = devPages(dir, manifest);
  const loadBefore = loadavg();
  log(`starting astro dev on ${choice.articles} articles (load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')})`);
  const nodeArgs = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args['cpu-prof'])}`] : [];
  const server = await startDevServer(dir, {}, { nodeArgs, awaitAnswer: false });
  const edited = join(dir, 'articles', manifest.editTarget);
  const original = readFileSync(edited, 'utf8');
  stopping = async () => {
    writeFileSync(edited, original);
    await server.stop();
  };
  try {
    log(`ready (content synced) after ${ms(server.syncedMs)}`);
    // The search page last: opening it starts the dev server's search index, which renders every page
    // in the background (src/integrations/search/index.ts) and would slow whatever is measured after it.
    const figures = await measurePages(server, pages.filter((page) => page.kind !== 'search'), Number(args.warm));
    const article = pages.find((page) => page.kind === 'article' && page.edit)!;
    const edits: number[] = [];
    const afterEdit: { kind: string; ms: number }[] = [];
    for (let i = 1; i <= Number(args.edits); i++) {
      edits.push(await editVisible(server, edited, article.path, `Benchmark edit number ${i} of the title`));
      log(`edit ${i}: the new title showed after ${ms(edits.at(-1)!)}`);
      // Another page after the edit: what the first reader of any other page waits while route data is rebuilt.
      const other = pages.filter((page) => !page.edit && page.kind !== 'search')[i - 1]!;
      afterEdit.push({ kind: other.kind, ms: (await timed(server, other.path)).ms });
      log(`        then ${other.kind} took ${ms(afterEdit.at(-1)!.ms)}`);
    }
    figures.push(...await measurePages(server, pages.filter((page) => page.kind === 'search'), Number(args.warm)));
    const result = {
      date: new Date().toISOString(), machine: machine(ROOT), articles: choice.articles, seed: choice.seed,
      loadBefore, loadAfter: loadavg(), readyMs: server.syncedMs, pages: figures,
      edit: { visibleMedianMs: median(edits), visibleSlowestMs: Math.max(...edits), runs: edits, afterEdit },
    };
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(join(ROOT, '.bench', `dev-${label}.json`), `${JSON.stringify(result, null, 2)}\n`);
    console.log(table(result));
  } finally {
    await stopping();
  }
}

function table(result: { readyMs: number; pages: PageFigures[]; edit: { visibleMedianMs: number; visibleSlowestMs: number }; loadBefore: number[]; loadAfter: number[] }): string {
  const lines = [
    `ready: ${ms(result.readyMs)}; edit visible: median ${ms(result.edit.visibleMedianMs)}, slowest ${ms(result.edit.visibleSlowestMs)}`,
    `load average ${result.loadBefore[0]!.toFixed(2)} before, ${result.loadAfter[0]!.toFixed(2)} after`,
    '', '| page | first | warm median | warm slowest |', '| --- | --- | --- | --- |',
    ...result.pages.map((p) => `| ${p.kind} | ${ms(p.firstMs)} | ${ms(p.warmMedianMs)} | ${ms(p.warmSlowestMs)} |`),
  ];
  return lines.join('\n');
}

/** Puts the edited article back and stops the server: at the end, or on Ctrl-C or a kill. */
let stopping = async () => {};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopping().finally(() => process.exit(130)));
await main();
