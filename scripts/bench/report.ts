/**
 * The benchmark's figures: medians over runs, printed as Markdown tables and
 * saved as JSON (.bench/results-<articles>.json) for BENCHMARKS.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CorpusManifest } from './corpus.ts';
import type { Measured } from './measure.ts';
import type { Phases } from './phases.ts';
import { median, PAGE_KINDS, type DistStats } from './dist-stats.ts';
import { pictureLines, type ArticleWeight, type PictureFigures } from './pictures.ts';

export interface RunInfo { articles: number; seed: number; runs: number; label: string; root: string; save: boolean; date?: string }

export interface BuildFigures {
  ok: boolean;
  wallMs: number;
  cpuSeconds?: number;
  peakTreeRssMB: number;
  peakProcessRssMB: number;
  /** Processes at the moment of the peak, and the build phase it fell in. */
  atPeak: Measured['atPeak'];
  peakPhase?: string;
  /** Summed memory (PSS) once a second, to see which phase holds the peak. */
  rssTimeline: Measured['rssTimeline'];
  phases: Phases;
  /** CPU milliseconds of each phase (sampled from /proc). */
  phasesCpu: Phases;
  pagesReported?: number;
  /** Pages rendered, and pages copied from the incremental build's cache. */
  pagesRendered?: number;
  pagesReused?: number;
  loadBefore: number;
  loadAfter: number;
  /** Image optimisation and share cards, from the build's log. */
  pictures?: PictureFigures;
  failure?: string;
}

export interface RunResult {
  chronicle?: BuildFigures & { dist?: DistStats; articleWeight?: ArticleWeight | undefined };
  /** After appending a paragraph to one article. */
  rebuild?: BuildFigures;
  /** After that, after changing the same article's title. */
  rebuildFrontmatter?: BuildFigures;
  floor?: { astro: BuildFigures; pagefind: BuildFigures; wallMs: number; cpuSeconds?: number; peakRssMB: number; dist?: DistStats };
}


const times = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(2)}×`);
export const seconds = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);
export const mb = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} MB`);
const bytes = (value: number | undefined) => {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(2)} GB`;
  if (value >= 1024 ** 2) return `${(value / 1024 ** 2).toFixed(1)} MB`;
  return `${(value / 1024).toFixed(1)} kB`;
};
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const pick = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);
const med = (values: (number | undefined)[]) => (pick(values).length ? median(pick(values)) : undefined);

/** The machine a run measured: cores, memory, Node, Astro and Pagefind versions. */
export function machine(ROOT: string) {
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

export function report(manifest: CorpusManifest, results: RunResult[], run: RunInfo) {
  const { articles, seed, runs, label, root: ROOT, save } = run;
  const c = pick(results.map((r) => r.chronicle));
  // A floor that failed has no figures to compare with; its failure is listed below the table.
  const f = results.map((r) => (r.floor?.astro.ok && r.floor.pagefind.ok ? r.floor : undefined));
  const floorFailures = pick(results.flatMap((r) => [r.floor?.astro.failure, r.floor?.pagefind.failure]));
  const rb = results.map((r) => r.rebuild);
  const dist = c.find((x) => x.dist)?.dist;
  const floorDist = f.find((x) => x?.dist)?.dist;
  // Ratios are taken run by run (a build against the other build of the same run, under the
  // same load from other users), then the median of those is reported.
  const paired = (a: (x: RunResult) => number | undefined, b: (x: RunResult) => number | undefined) =>
    med(results.map((x) => { const p = a(x); const q = b(x); return p !== undefined && q ? p / q : undefined; }));
  const ratios = {
    wall: paired((x) => x.chronicle?.wallMs, (x) => (x.floor?.astro.ok && x.floor.pagefind.ok ? x.floor.wallMs : undefined)),
    cpu: paired((x) => x.chronicle?.cpuSeconds, (x) => (x.floor?.astro.ok && x.floor.pagefind.ok ? x.floor.cpuSeconds : undefined)),
    rebuildWall: paired((x) => x.rebuild?.wallMs, (x) => x.chronicle?.wallMs),
    rebuildCpu: paired((x) => x.rebuild?.cpuSeconds, (x) => x.chronicle?.cpuSeconds),
    rebuildFrontmatterWall: paired((x) => x.rebuildFrontmatter?.wallMs, (x) => x.chronicle?.wallMs),
  };
  const summary = {
    ratios,
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
      pagesRendered: med(rb.map((x) => x?.pagesRendered)),
    } : undefined,
    rebuildFrontmatter: results.some((x) => x.rebuildFrontmatter) ? {
      ok: results.every((x) => x.rebuildFrontmatter?.ok),
      wallMs: med(results.map((x) => x.rebuildFrontmatter?.wallMs)),
      pagesRendered: med(results.map((x) => x.rebuildFrontmatter?.pagesRendered)),
      pagesReused: med(results.map((x) => x.rebuildFrontmatter?.pagesReused)),
    } : undefined,
    floor: f.some(Boolean) ? {
      ok: floorFailures.length === 0,
      failures: floorFailures,
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
    date: run.date ?? new Date().toISOString(), machine: machine(ROOT), articles, seed, runs,
    corpus: { ...manifest, publishedIds: manifest.publishedIds.length, draftIds: manifest.draftIds.length, aliases: Object.keys(manifest.aliases).length, pictures: manifest.pictures?.length ?? 0 },
    summary, runsDetail: results,
  };
  if (save) mkdirSync(join(ROOT, '.bench', 'history'), { recursive: true });
  if (save) writeFileSync(join(ROOT, '.bench', `results-${label}.json`), JSON.stringify(output, null, 2));
  if (save) writeFileSync(join(ROOT, '.bench', 'history', `${output.date.replace(/[:.]/g, '-')}-${label}.json`), JSON.stringify(output, null, 2));

  const s = summary;
  const lines: string[] = [];
  const m = output.machine;
  lines.push('', `Chronicle benchmark — ${articles} articles (${manifest.publishedIds.length} published, ${manifest.mdx} MDX), seed ${seed}, ${runs} run(s), medians`);
  lines.push(`${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}, ${output.date}`);
  lines.push(`load average (1 min) around the Chronicle builds: ${c.map((x) => `${x.loadBefore}→${x.loadAfter}`).join(', ')}; other users' work inflates wall times, CPU times much less`);
  lines.push(`corpus: ${manifest.topics} topics, ${manifest.people} people, ${manifest.organizations} organizations, ${manifest.events} events, ${manifest.words} words${manifest.leadPictures ? `, ${manifest.leadPictures} articles with a lead picture (${manifest.bodyPictures} also with two in the body)` : ''}`);
  lines.push('');
  lines.push(`| | Chronicle | floor | ratio |`, `|---|---|---|---|`);
  lines.push(`| full build, wall | ${seconds(s.chronicle.wallMs)} | ${seconds(s.floor?.wallMs)} (Astro ${seconds(s.floor?.astroMs)} + Pagefind ${seconds(s.floor?.pagefindMs)}) | ${times(s.ratios.wall)} |`);
  lines.push(`| CPU (user+sys, children included) | ${seconds((s.chronicle.cpuSeconds ?? NaN) * 1000)} | ${seconds((s.floor?.cpuSeconds ?? NaN) * 1000)} | ${times(s.ratios.cpu)} |`);
  lines.push(`| peak memory (process tree, PSS) | ${mb(s.chronicle.peakTreeRssMB)} | ${mb(s.floor?.peakRssMB)} (Astro ${mb(s.floor?.astroPeakRssMB)}, Pagefind ${mb(s.floor?.pagefindPeakRssMB)}) | ${ratio(s.chronicle.peakTreeRssMB, s.floor?.peakRssMB)} |`);
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
  if (peak) lines.push(`| peak memory reached during | ${peak.peakPhase ?? '—'}: ${peak.atPeak.slice(0, 4).map((p) => `${p.name} ${p.rssMB} MB`).join(', ')} | | |`);
  if (s.rebuild) lines.push(`| rebuild after one edit | ${seconds(s.rebuild.wallMs)}, CPU ${seconds((s.rebuild.cpuSeconds ?? NaN) * 1000)} (${times(s.ratios.rebuildWall)} of cold wall, ${times(s.ratios.rebuildCpu)} of cold CPU), ${s.rebuild.pagesRendered ?? '—'} pages rendered${s.rebuild.ok ? '' : ' FAILED'} | | |`);
  const fm = s.rebuildFrontmatter;
  if (fm) lines.push(`| rebuild after one title edit | ${seconds(fm.wallMs)} (${times(s.ratios.rebuildFrontmatterWall)} of cold wall), ${fm.pagesRendered ?? '—'} pages rendered, ${fm.pagesReused ?? '—'} reused${fm.ok ? '' : ' FAILED'} | | |`);
  // Pictures: the first run that built (one run is the usual; medians of these would hide which run they came from).
  const pictured = results.find((r) => r.chronicle?.ok);
  lines.push(...pictureLines(pictured?.chronicle?.pictures, pictured?.chronicle?.wallMs, pictured?.rebuild?.pictures, pictured?.chronicle?.articleWeight));
  lines.push('');
  lines.push(`| page kind | pages | median HTML | max HTML | largest |`, `|---|---|---|---|---|`);
  for (const kind of PAGE_KINDS) {
    const k = dist?.byKind[kind];
    lines.push(k ? `| ${kind} | ${k.pages} | ${bytes(k.medianBytes)} | ${bytes(k.maxBytes)} | ${k.maxPath} |` : `| ${kind} | — | — | — | no such pages |`);
  }
  const articlePages = dist?.byKind.article?.pages;
  if (dist && articlePages !== manifest.publishedIds.length) lines.push(`\nWARNING: ${articlePages ?? 0} article pages for ${manifest.publishedIds.length} published articles`);
  if (dist && !dist.searchIndexFiles) lines.push('\nNOTE: the Chronicle build wrote no dist/pagefind: the full-build figure has no search index in it.');
  for (const failure of [...s.chronicle.failures, ...floorFailures]) lines.push(`FAILURE: ${failure}`);
  lines.push(...compareWithOtherSizes(dist, articles, ROOT));
  console.log(lines.join('\n'));
}

/** Per-page HTML at this size against the smallest other size benchmarked (target: at most 1.1×). */
function compareWithOtherSizes(dist: DistStats | undefined, articles: number, ROOT: string): string[] {
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
