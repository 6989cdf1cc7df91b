/**
 * `npm run bench -- --articles 10000`
 *
 * Generates (or reuses) a deterministic synthetic archive, builds it with
 * Chronicle from cold, rebuilds it after editing one article's text and then
 * its title (frontmatter), builds the same
 * articles with a minimal Astro + MDX site plus the Pagefind CLI (the floor),
 * and prints what each cost. Results go to .bench/results-<articles>.json.
 *
 * Options: --articles N (1000)  --seed S (1)  --runs R (1; medians are reported)
 *          --mdx-share F (1: the share of articles written as .mdx, 0..1; `npm run new` writes .mdx)
 *          --pictures F (0: the share of articles with a lead picture, 0..1; 0.2 is the issue's "a fifth";
 *          a quarter of those also have two pictures in the body; scripts/bench/corpus-pictures.ts)
 *          --no-floor  --no-rebuild  --no-chronicle  --timeout MIN (per build, 240)  --heap MB (Node's
 *          --max-old-space-size for both sites)  --echo (print build output)
 *          --root DIR (build Chronicle from that checkout instead of a snapshot of this one)
 *          --tag NAME (keeps an experiment's folders and results apart: .bench/<articles>-NAME/)
 *          --report (prints the tables again from the saved results, building nothing)
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_ENV } from './build.ts';
import { parseArgs } from 'node:util';
import type { CorpusManifest } from './bench/corpus.ts';
import { cachedCorpus, corpusName } from './bench/corpus-cache.ts';
import { measure, type Measured } from './bench/measure.ts';
import { distStats } from './bench/dist-stats.ts';
import { mb, report, seconds, type BuildFigures, type RunResult } from './bench/report.ts';
import { astroPhases, isAstroPageLine, phaseCpu, type Phases } from './bench/phases.ts';
import { articleWeight, pictureFigures } from './bench/pictures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const FLOOR = join(ROOT, 'scripts/bench/floor');
const EDIT = '\n\nA paragraph added by the benchmark to measure a rebuild after one edit.\n';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'mdx-share': { type: 'string', default: '1' },
    pictures: { type: 'string', default: '0' },
    runs: { type: 'string', default: '1' },
    'no-floor': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    'no-chronicle': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '240' },
    heap: { type: 'string' },
    echo: { type: 'boolean', default: false },
    root: { type: 'string' },
    tag: { type: 'string' },
    report: { type: 'boolean', default: false },
  },
});
const articles = Number(args.articles);
const seed = Number(args.seed);
const mdxShare = Number(args['mdx-share']);
if (!(mdxShare >= 0 && mdxShare <= 1)) throw new Error(`--mdx-share takes a number from 0 to 1, not "${args['mdx-share']}"`);
const pictureShare = Number(args.pictures);
if (!(pictureShare >= 0 && pictureShare <= 1)) throw new Error(`--pictures takes a number from 0 to 1, not "${args.pictures}"`);
const picturesSuffix = pictureShare ? [`pics${Math.round(pictureShare * 100)}`] : [];
const runs = Math.max(1, Number(args.runs));
const timeoutMs = Number(args.timeout) * 60_000;
/** A tag keeps an experiment's folders and results apart from the plain run's. */
const label = [articles, ...(mdxShare === 0.3 ? [] : [`mdx${Math.round(mdxShare * 100)}`]), ...picturesSuffix, ...(args.tag ? [args.tag] : [])].join('-');
const work = join(ROOT, '.bench', label);
const log = (message: string) => console.log(`[bench] ${message}`);

function figures(run: Measured, phases: Phases = {}): BuildFigures {
  const reported = run.lines.findLast((l) => /(\d+) page\(s\) built/.test(l.text));
  const ok = run.code === 0 && !run.timedOut;
  return {
    ok, wallMs: run.wallMs, cpuSeconds: run.cpuSeconds, peakTreeRssMB: run.peakTreeRssMB, peakProcessRssMB: run.peakProcessRssMB,
    atPeak: run.atPeak, peakPhase: phaseAt(phases, run.peakMs), rssTimeline: run.rssTimeline,
    phases, phasesCpu: phaseCpu(run, phases), loadBefore: run.loadBefore, loadAfter: run.loadAfter, pictures: pictureFigures(run),
    pagesRendered: run.pageLines.count - run.pageLines.reused, pagesReused: run.pageLines.reused,
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
  const causes = [/Invalid string length|RangeError|heap out of memory|ENOMEM|Killed/i, /\[\w*Error\]|Error:/, /error/i];
  for (const cause of causes) {
    const line = tail.find((l) => cause.test(l));
    if (line) return line.trim();
  }
  return tail.at(-1) ?? '';
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    // As `npm run build` sets it (scripts/build.ts), for Chronicle and the floor alike.
    ...BUILD_ENV,
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

function corpus(): Promise<{ dir: string; manifest: CorpusManifest }> {
  return cachedCorpus(ROOT, { articles, seed, mdxShare, pictures: pictureShare }, log, (dir, saved) => restoreEdit(join(dir, 'articles', saved.editTarget)));
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
  const pagefind: BuildFigures = pagefindRun ? figures(pagefindRun) : { ...astro, ok: false, wallMs: NaN, cpuSeconds: undefined, peakTreeRssMB: NaN, failure: 'not run: the floor build failed' };
  return {
    astro, pagefind,
    wallMs: astro.wallMs + pagefind.wallMs,
    cpuSeconds: astro.cpuSeconds === undefined || pagefind.cpuSeconds === undefined ? undefined : astro.cpuSeconds + pagefind.cpuSeconds,
    peakRssMB: Math.max(astro.peakTreeRssMB, pagefind.peakTreeRssMB),
    ...(astro.ok && pagefind.ok ? { dist: distStats(out) } : {}),
  };
}

async function coldChronicle(dir: string, manifest: CorpusManifest, i: number) {
  log(`run ${i}/${runs}: Chronicle, cold (${manifest.publishedIds.length} published articles)`);
  const cold = await chronicleBuild(dir, true, `chronicle-cold-${i}`);
  const chronicle: NonNullable<RunResult['chronicle']> = figures(cold.run, astroPhases(cold.run));
  if (chronicle.ok) {
    chronicle.dist = distStats(cold.out);
    chronicle.articleWeight = articleWeight(cold.out);
  }
  else log(`Chronicle build failed: ${chronicle.failure}`);
  log(`  ${seconds(chronicle.wallMs)}, ${mb(chronicle.peakTreeRssMB)} peak`);
  return chronicle;
}

/** Rebuilds after fixing the headline of one article (a frontmatter edit), then puts the headline back. */
async function frontmatterRebuild(dir: string, target: string, i: number): Promise<BuildFigures> {
  const original = readFileSync(target, 'utf8');
  log(`run ${i}/${runs}: Chronicle, rebuild after editing the title of ${target.slice(dir.length + 1)}`);
  writeFileSync(target, original.replace(/^title: .*$/m, 'title: "A headline fixed by the benchmark"'));
  try {
    const again = await chronicleBuild(dir, false, `chronicle-rebuild-frontmatter-${i}`);
    const rebuilt = figures(again.run, astroPhases(again.run));
    const page = join(again.out, 'articles', target.slice(join(dir, 'articles').length + 1).replace(/\.mdx?$/, ''), 'index.html');
    if (rebuilt.ok && !readFileSync(page, 'utf8').includes('A headline fixed by the benchmark')) {
      rebuilt.ok = false;
      rebuilt.failure = 'the edited article was not rebuilt';
    }
    log(`  ${seconds(rebuilt.wallMs)}, ${rebuilt.pagesRendered} pages rendered, ${rebuilt.pagesReused} reused${rebuilt.ok ? '' : ` — ${rebuilt.failure}`}`);
    return rebuilt;
  } finally {
    writeFileSync(target, original);
  }
}

async function main() {
  if (args.report) {
    const saved = JSON.parse(readFileSync(join(ROOT, '.bench', `results-${label}.json`), 'utf8')) as { runsDetail: RunResult[]; date: string };
    const manifest = JSON.parse(readFileSync(join(ROOT, '.bench', 'corpus', `${corpusName({ articles, seed, mdxShare, pictures: pictureShare })}.json`), 'utf8')) as CorpusManifest;
    report(manifest, saved.runsDetail, { articles, seed, runs: saved.runsDetail.length, label, root: ROOT, save: false, date: saved.date });
    return;
  }
  const { dir, manifest } = await corpus();
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
      result.rebuildFrontmatter = await frontmatterRebuild(dir, target, i);
    }

    if (!args['no-floor']) {
      log(`run ${i}/${runs}: floor (minimal Astro + MDX, then Pagefind CLI)`);
      result.floor = await floorBuild(dir, i);
      if (!result.floor.astro.ok) log(`floor build failed: ${result.floor.astro.failure}`);
      log(`  ${seconds(result.floor.wallMs)}, ${mb(result.floor.peakRssMB)} peak`);
    }
    results.push(result);
  }
  report(manifest, results, { articles, seed, runs, label, root: ROOT, save: true });
}

// Ctrl-C or a kill ends the build in progress too (see measure.ts), and restores an edited article.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
await main();

