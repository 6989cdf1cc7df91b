/**
 * `npm run bench -- --articles 10000`
 *
 * Generates (or reuses) a deterministic synthetic archive, builds it with
 * Chronicle from cold, rebuilds it after editing one article, builds the same
 * articles with a minimal Astro + MDX site plus the Pagefind CLI (the floor),
 * and prints what each cost. Results go to .bench/results-<articles>.json.
 *
 * Options: --articles N (1000)  --seed S (1)  --runs R (1; medians are reported)
 *          --no-floor  --no-rebuild  --no-chronicle  --timeout MIN (per build, 240)  --heap MB (Node's
 *          --max-old-space-size for both sites)  --echo (print build output)
 *          --root DIR (build Chronicle from that checkout instead of a snapshot of this one)
 *          --tag NAME (keeps an experiment's folders and results apart: .bench/<articles>-NAME/)
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, GENERATOR_VERSION, type CorpusManifest } from './bench/corpus.ts';
import { measure, type Measured } from './bench/measure.ts';
import { distStats, median, PAGE_KINDS, type DistStats } from './bench/dist-stats.ts';
import { astroPhases, isAstroPageLine, phaseCpu, type Phases } from './bench/phases.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const FLOOR = join(ROOT, 'scripts/bench/floor');
const EDIT = '\n\nA paragraph added by the benchmark to measure a rebuild after one edit.\n';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    'no-floor': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    'no-chronicle': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '240' },
    heap: { type: 'string' },
    echo: { type: 'boolean', default: false },
    root: { type: 'string' },
    tag: { type: 'string' },
  },
});
const articles = Number(args.articles);
const seed = Number(args.seed);
const runs = Math.max(1, Number(args.runs));
const timeoutMs = Number(args.timeout) * 60_000;
/** A tag keeps an experiment's folders and results apart from the plain run's. */
const label = args.tag ? `${articles}-${args.tag}` : String(articles);
const work = join(ROOT, '.bench', label);
const log = (message: string) => console.log(`[bench] ${message}`);

interface BuildFigures {
  ok: boolean;
  wallMs: number;
  cpuSeconds?: number;
  peakTreeRssMB: number;
  peakProcessRssMB: number;
  /** Processes at the moment of the peak, and the build phase it fell in. */
  atPeak: Measured['atPeak'];
  peakPhase?: string;
  /** Summed RSS once a second, to see which phase holds the peak. */
  rssTimeline: Measured['rssTimeline'];
  phases: Phases;
  /** CPU milliseconds of each phase (sampled from /proc). */
  phasesCpu: Phases;
  pagesReported?: number;
  loadBefore: number;
  loadAfter: number;
  failure?: string;
}

interface RunResult {
  chronicle?: BuildFigures & { dist?: DistStats };
  rebuild?: BuildFigures;
  floor?: { astro: BuildFigures; pagefind: BuildFigures; wallMs: number; cpuSeconds?: number; peakRssMB: number; dist?: DistStats };
}

function figures(run: Measured, phases: Phases = {}): BuildFigures {
  const reported = run.lines.findLast((l) => /(\d+) page\(s\) built/.test(l.text));
  const ok = run.code === 0 && !run.timedOut;
  return {
    ok, wallMs: run.wallMs, cpuSeconds: run.cpuSeconds, peakTreeRssMB: run.peakTreeRssMB, peakProcessRssMB: run.peakProcessRssMB,
    atPeak: run.atPeak, peakPhase: phaseAt(phases, run.peakMs), rssTimeline: run.rssTimeline,
    phases, phasesCpu: phaseCpu(run, phases), loadBefore: run.loadBefore, loadAfter: run.loadAfter,
    ...(reported ? { pagesReported: Number(/(\d+) page\(s\) built/.exec(reported.text)![1]) } : {}),
    ...(ok ? {} : { failure: `${run.timedOut ? 'timed out' : `exit ${run.code}`}: ${failureLine(run.tail)}` }),
  };
}

/** The phase that was running `ms` after the start (phases follow each other without gaps). */
function phaseAt(phases: Phases, ms: number): string | undefined {
  let end = 0;
  for (const name of ['startup', 'contentSync', 'prepare', 'bundle', 'rendering', 'postBuild'] as const) {
    const length = phases[name];
    if (length === undefined) continue;
    end += length;
    if (ms <= end) return name;
  }
  return undefined;
}

/** The line that says why a build failed (an error message), else the last line. */
function failureLine(tail: string[]): string {
  return tail.find((l) => /RangeError|heap out of memory|Error:|error/i.test(l)) ?? tail.at(-1) ?? '';
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(args.heap ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${args.heap}`.trim() } : {}),
    ...extra,
  };
}

const echo = args.echo ? (text: string) => console.log(`    ${text}`) : undefined;

/** Where each build's full output goes, with the ms at which each line arrived. */
function logFile(name: string) {
  mkdirSync(join(work, 'logs'), { recursive: true });
  return join(work, 'logs', `${name}.log`);
}

async function astroBuild(cwd: string, name: string, extraEnv: Record<string, string>) {
  return measure(process.execPath, [ASTRO, 'build'], { cwd, env: env(extraEnv), timeoutMs, isPageLine: isAstroPageLine, echo, logFile: logFile(name) });
}

function corpus(): { dir: string; manifest: CorpusManifest } {
  const dir = join(ROOT, '.bench', 'corpus', `${articles}-s${seed}`);
  const manifestFile = `${dir}.json`;
  if (existsSync(manifestFile)) {
    const saved = JSON.parse(readFileSync(manifestFile, 'utf8')) as CorpusManifest & { version: number };
    if (saved.version === GENERATOR_VERSION) {
      restoreEdit(join(dir, 'articles', saved.editTarget));
      log(`reusing corpus ${dir}`);
      return { dir, manifest: saved };
    }
  }
  log(`generating ${articles} articles (seed ${seed}) in ${dir}`);
  const start = performance.now();
  const manifest = generateCorpus(dir, { articles, seed });
  writeFileSync(manifestFile, JSON.stringify({ version: GENERATOR_VERSION, ...manifest }));
  log(`generated in ${seconds(performance.now() - start)}`);
  return { dir, manifest };
}

function restoreEdit(file: string) {
  const text = readFileSync(file, 'utf8');
  if (text.endsWith(EDIT)) writeFileSync(file, text.slice(0, -EDIT.length));
}

/** Top-level entries of the repository that a build does not need in its snapshot. */
const NOT_SNAPSHOTTED = new Set(['node_modules', '.git', '.bench', '.cache', '.astro', 'dist', 'content', 'test-results']);

/**
 * Chronicle is built from a snapshot of the repository taken when the
 * benchmark starts (node_modules linked, not copied). Astro keeps generated
 * files such as .astro/content-modules.mjs under the project root, so two
 * builds of different content from the same root overwrite each other's; the
 * snapshot keeps the benchmark's builds apart from anyone else's, and keeps
 * the cold build and the rebuild on the same code.
 */
function snapshot(): string {
  const dir = join(work, 'root');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(ROOT)) {
    if (!NOT_SNAPSHOTTED.has(name)) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
let buildRoot = ROOT;

async function chronicleBuild(contentDir: string, clean: boolean, name: string) {
  const out = join(work, 'chronicle', 'dist');
  const cache = join(work, 'chronicle', 'cache');
  if (clean) rmSync(join(work, 'chronicle'), { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const run = await astroBuild(buildRoot, name, { CHRONICLE_CONTENT_DIR: contentDir, CHRONICLE_OUT_DIR: out, CHRONICLE_CACHE_DIR: cache });
  return { run, out };
}

async function floorBuild(contentDir: string, run: number): Promise<NonNullable<RunResult['floor']>> {
  const out = join(work, 'floor', 'dist');
  rmSync(join(work, 'floor'), { recursive: true, force: true });
  const astroRun = await astroBuild(FLOOR, `floor-${run}`, { FLOOR_CONTENT_DIR: contentDir, FLOOR_OUT_DIR: out, FLOOR_CACHE_DIR: join(work, 'floor', 'cache') });
  const astro = figures(astroRun, astroPhases(astroRun));
  const pagefindRun = astro.ok
    ? await measure(process.execPath, [PAGEFIND, '--site', out], { cwd: ROOT, env: env({}), timeoutMs, echo, logFile: logFile(`floor-pagefind-${run}`) })
    : undefined;
  const pagefind = pagefindRun ? figures(pagefindRun) : { ...astro, ok: false, wallMs: 0, failure: 'not run' };
  return {
    astro, pagefind,
    wallMs: astro.wallMs + pagefind.wallMs,
    cpuSeconds: astro.cpuSeconds === undefined || pagefind.cpuSeconds === undefined ? undefined : astro.cpuSeconds + pagefind.cpuSeconds,
    peakRssMB: Math.max(astro.peakTreeRssMB, pagefind.peakTreeRssMB),
    ...(astro.ok && pagefind.ok ? { dist: distStats(out) } : {}),
  };
}

const seconds = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);
const mb = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} MB`);
const bytes = (value: number | undefined) => {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(2)} GB`;
  if (value >= 1024 ** 2) return `${(value / 1024 ** 2).toFixed(1)} MB`;
  return `${(value / 1024).toFixed(1)} kB`;
};
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const pick = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);
const med = (values: (number | undefined)[]) => (pick(values).length ? median(pick(values)) : undefined);

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpus: cpus().length,
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    astro: JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version as string,
    pagefind: JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')).version as string,
  };
}

async function coldChronicle(dir: string, manifest: CorpusManifest, i: number) {
  log(`run ${i}/${runs}: Chronicle, cold (${manifest.publishedIds.length} published articles)`);
  const cold = await chronicleBuild(dir, true, `chronicle-cold-${i}`);
  const chronicle: NonNullable<RunResult['chronicle']> = figures(cold.run, astroPhases(cold.run));
  if (chronicle.ok) chronicle.dist = distStats(cold.out);
  else log(`Chronicle build failed: ${chronicle.failure}`);
  log(`  ${seconds(chronicle.wallMs)}, ${mb(chronicle.peakTreeRssMB)} peak`);
  return chronicle;
}

async function main() {
  const { dir, manifest } = corpus();
  buildRoot = args.root ? resolve(args.root) : snapshot();
  const results: RunResult[] = [];
  for (let i = 1; i <= runs; i++) {
    const result: RunResult = {};
    const chronicle = args['no-chronicle'] ? undefined : await coldChronicle(dir, manifest, i);
    if (chronicle) result.chronicle = chronicle;

    if (chronicle?.ok && !args['no-rebuild']) {
      const target = join(dir, 'articles', manifest.editTarget);
      log(`run ${i}/${runs}: Chronicle, rebuild after editing ${manifest.editTarget}`);
      writeFileSync(target, readFileSync(target, 'utf8') + EDIT);
      try {
        const again = await chronicleBuild(dir, false, `chronicle-rebuild-${i}`);
        result.rebuild = figures(again.run, astroPhases(again.run));
        const page = join(again.out, 'articles', manifest.editTarget.replace(/\.mdx?$/, ''), 'index.html');
        if (result.rebuild.ok && !readFileSync(page, 'utf8').includes('A paragraph added by the benchmark')) {
          result.rebuild.ok = false;
          result.rebuild.failure = 'the edited article was not rebuilt';
        }
        log(`  ${seconds(result.rebuild.wallMs)}${result.rebuild.ok ? '' : ` — ${result.rebuild.failure}`}`);
      } finally {
        restoreEdit(target);
      }
    }

    if (!args['no-floor']) {
      log(`run ${i}/${runs}: floor (minimal Astro + MDX, then Pagefind CLI)`);
      result.floor = await floorBuild(dir, i);
      if (!result.floor.astro.ok) log(`floor build failed: ${result.floor.astro.failure}`);
      log(`  ${seconds(result.floor.wallMs)}, ${mb(result.floor.peakRssMB)} peak`);
    }
    results.push(result);
  }
  report(manifest, results);
}

function report(manifest: CorpusManifest, results: RunResult[]) {
  const c = pick(results.map((r) => r.chronicle));
  const f = results.map((r) => r.floor);
  const rb = results.map((r) => r.rebuild);
  const dist = c.find((x) => x.dist)?.dist;
  const floorDist = f.find((x) => x?.dist)?.dist;
  const summary = {
    chronicle: {
      ok: c.length > 0 && c.every((x) => x.ok),
      failures: pick(c.map((x) => x.failure)),
      wallMs: med(c.map((x) => x.wallMs)),
      cpuSeconds: med(c.map((x) => x.cpuSeconds)),
      peakTreeRssMB: med(c.map((x) => x.peakTreeRssMB)),
      peakProcessRssMB: med(c.map((x) => x.peakProcessRssMB)),
      phases: Object.fromEntries(['startup', 'contentSync', 'prepare', 'bundle', 'rendering', 'indexing', 'postBuild'].map((k) => [k, med(c.map((x) => x.phases[k as keyof Phases]))])),
      phasesCpu: Object.fromEntries(['startup', 'contentSync', 'prepare', 'bundle', 'rendering', 'postBuild'].map((k) => [k, med(c.map((x) => x.phasesCpu[k as keyof Phases]))])),
      dist,
    },
    rebuild: rb.some(Boolean) ? {
      ok: rb.every((x) => x?.ok),
      wallMs: med(rb.map((x) => x?.wallMs)),
      cpuSeconds: med(rb.map((x) => x?.cpuSeconds)),
      peakTreeRssMB: med(rb.map((x) => x?.peakTreeRssMB)),
    } : undefined,
    floor: f.some(Boolean) ? {
      ok: f.every((x) => x?.astro.ok && x.pagefind.ok),
      failures: pick(f.flatMap((x) => [x?.astro.failure, x?.pagefind.failure])),
      wallMs: med(f.map((x) => x?.wallMs)),
      astroMs: med(f.map((x) => x?.astro.wallMs)),
      pagefindMs: med(f.map((x) => x?.pagefind.wallMs)),
      pagefindCpuSeconds: med(f.map((x) => x?.pagefind.cpuSeconds)),
      cpuSeconds: med(f.map((x) => x?.cpuSeconds)),
      peakRssMB: med(f.map((x) => x?.peakRssMB)),
      astroPeakRssMB: med(f.map((x) => x?.astro.peakTreeRssMB)),
      pagefindPeakRssMB: med(f.map((x) => x?.pagefind.peakTreeRssMB)),
      phases: Object.fromEntries(['contentSync', 'bundle', 'rendering'].map((k) => [k, med(f.map((x) => x?.astro.phases[k as keyof Phases]))])),
      phasesCpu: Object.fromEntries(['contentSync', 'bundle', 'rendering'].map((k) => [k, med(f.map((x) => x?.astro.phasesCpu[k as keyof Phases]))])),
      dist: floorDist,
    } : undefined,
  };
  const output = {
    date: new Date().toISOString(), machine: machine(), articles, seed, runs,
    corpus: { ...manifest, publishedIds: manifest.publishedIds.length, draftIds: manifest.draftIds.length, aliases: Object.keys(manifest.aliases).length },
    summary, runsDetail: results,
  };
  mkdirSync(join(ROOT, '.bench', 'history'), { recursive: true });
  writeFileSync(join(ROOT, '.bench', `results-${label}.json`), JSON.stringify(output, null, 2));
  writeFileSync(join(ROOT, '.bench', 'history', `${output.date.replace(/[:.]/g, '-')}-${label}.json`), JSON.stringify(output, null, 2));

  const s = summary;
  const lines: string[] = [];
  const m = output.machine;
  lines.push('', `Chronicle benchmark — ${articles} articles (${manifest.publishedIds.length} published, ${manifest.mdx} MDX), seed ${seed}, ${runs} run(s), medians`);
  lines.push(`${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}, ${output.date}`);
  lines.push(`load average (1 min) around the Chronicle builds: ${c.map((x) => `${x.loadBefore}→${x.loadAfter}`).join(', ')}; other users' work inflates wall times, CPU times much less`);
  lines.push(`corpus: ${manifest.topics} topics, ${manifest.people} people, ${manifest.organizations} organizations, ${manifest.events} events, ${manifest.words} words`);
  lines.push('');
  lines.push(`| | Chronicle | floor | ratio |`, `|---|---|---|---|`);
  lines.push(`| full build, wall | ${seconds(s.chronicle.wallMs)} | ${seconds(s.floor?.wallMs)} (Astro ${seconds(s.floor?.astroMs)} + Pagefind ${seconds(s.floor?.pagefindMs)}) | ${ratio(s.chronicle.wallMs, s.floor?.wallMs)} |`);
  lines.push(`| CPU (user+sys, children included) | ${seconds((s.chronicle.cpuSeconds ?? NaN) * 1000)} | ${seconds((s.floor?.cpuSeconds ?? NaN) * 1000)} | ${ratio(s.chronicle.cpuSeconds, s.floor?.cpuSeconds)} |`);
  lines.push(`| peak RSS (process tree) | ${mb(s.chronicle.peakTreeRssMB)} | ${mb(s.floor?.peakRssMB)} (Astro ${mb(s.floor?.astroPeakRssMB)}, Pagefind ${mb(s.floor?.pagefindPeakRssMB)}) | ${ratio(s.chronicle.peakTreeRssMB, s.floor?.peakRssMB)} |`);
  lines.push(`| pages written (.html) | ${dist?.pages ?? '—'} | ${floorDist?.pages ?? '—'} | |`);
  lines.push(`| dist/ size | ${bytes(dist?.distBytes)} | ${bytes(floorDist?.distBytes)} | |`);
  lines.push(`| search index (pagefind/) | ${dist?.searchIndexFiles ? `${bytes(dist.searchIndexBytes)} in ${dist.searchIndexFiles} files` : 'none'} | ${bytes(floorDist?.searchIndexBytes)} in ${floorDist?.searchIndexFiles ?? '—'} files | |`);
  const p = s.chronicle.phases as Record<string, number | undefined>;
  const pc = s.chronicle.phasesCpu as Record<string, number | undefined>;
  const fp = (s.floor?.phases ?? {}) as Record<string, number | undefined>;
  const fc = (s.floor?.phasesCpu ?? {}) as Record<string, number | undefined>;
  const both = (wall: number | undefined, cpu: number | undefined) => `${seconds(wall)} (CPU ${seconds(cpu)})`;
  lines.push(`| phase: startup + validation | ${both(p.startup, pc.startup)} | | |`);
  lines.push(`| phase: content sync | ${both(p.contentSync, pc.contentSync)} | ${both(fp.contentSync, fc.contentSync)} | |`);
  lines.push(`| phase: bundling (Vite) | ${both(p.bundle, pc.bundle)} | ${both(fp.bundle, fc.bundle)} | |`);
  lines.push(`| phase: rendering | ${both(p.rendering, pc.rendering)} | ${both(fp.rendering, fc.rendering)} | |`);
  lines.push(`| phase: after rendering (search index, sitemap, redirects) | ${both(p.postBuild, pc.postBuild)}${p.indexing === undefined ? '' : `, of which search ${seconds(p.indexing)}`} | Pagefind CLI ${both(s.floor?.pagefindMs, (s.floor?.pagefindCpuSeconds ?? NaN) * 1000)} | |`);
  const peak = c.find((x) => x.ok) ?? c[0];
  if (peak) lines.push(`| peak RSS reached during | ${peak.peakPhase ?? '—'}: ${peak.atPeak.slice(0, 4).map((p) => `${p.name} ${p.rssMB} MB`).join(', ')} | | |`);
  if (s.rebuild) lines.push(`| rebuild after one edit | ${seconds(s.rebuild.wallMs)} (${ratio(s.rebuild.wallMs, s.chronicle.wallMs)} of cold)${s.rebuild.ok ? '' : ' FAILED'} | | |`);
  lines.push('');
  lines.push(`| page kind | pages | median HTML | max HTML | largest |`, `|---|---|---|---|---|`);
  for (const kind of PAGE_KINDS) {
    const k = dist?.byKind[kind];
    lines.push(k ? `| ${kind} | ${k.pages} | ${bytes(k.medianBytes)} | ${bytes(k.maxBytes)} | ${k.maxPath} |` : `| ${kind} | — | — | — | no such pages |`);
  }
  const articlePages = dist?.byKind.article?.pages;
  if (dist && articlePages !== manifest.publishedIds.length) lines.push(`\nWARNING: ${articlePages ?? 0} article pages for ${manifest.publishedIds.length} published articles`);
  if (dist && !dist.searchIndexFiles) lines.push('\nNOTE: the Chronicle build wrote no dist/pagefind: the full-build figure has no search index in it.');
  for (const failure of [...s.chronicle.failures, ...(s.floor?.failures ?? [])]) lines.push(`FAILURE: ${failure}`);
  lines.push(...compareWithOtherSizes(dist));
  console.log(lines.join('\n'));
}

/** Per-page HTML at this size against the smallest other size benchmarked (target: at most 1.1×). */
function compareWithOtherSizes(dist: DistStats | undefined): string[] {
  if (!dist) return [];
  const others = [1000, 10_000, 100_000].filter((n) => n < articles && existsSync(join(ROOT, '.bench', `results-${n}.json`)));
  const base = others[0];
  if (base === undefined) return [];
  const baseDist = (JSON.parse(readFileSync(join(ROOT, '.bench', `results-${base}.json`), 'utf8')) as { summary: { chronicle: { dist?: DistStats } } }).summary.chronicle.dist;
  if (!baseDist) return [];
  const lines = ['', `per-page HTML against ${base} articles (target ≤ 1.10×):`, '| page kind | median | max |', '|---|---|---|'];
  for (const kind of PAGE_KINDS) {
    const now = dist.byKind[kind];
    const then = baseDist.byKind[kind];
    if (now && then) lines.push(`| ${kind} | ${ratio(now.medianBytes, then.medianBytes)} | ${ratio(now.maxBytes, then.maxBytes)} |`);
  }
  return lines;
}

// Ctrl-C or a kill ends the build in progress too (see measure.ts), and restores an edited article.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
await main();

