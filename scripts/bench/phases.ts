/**
 * Build phases from Astro's log lines, timed by when each line arrived (Astro
 * prints whole seconds; the harness stamps lines in milliseconds).
 */
import type { Line, Measured } from './measure.ts';

export interface Phases {
  /** Config, integrations' setup (Chronicle's validation of every file) until content sync starts. */
  startup?: number;
  /** Content layer: reading, parsing and storing every entry. */
  contentSync?: number;
  /** Type generation and build info, until Vite bundling starts. */
  prepare?: number;
  /** Vite/Rolldown bundling of pages and content modules. */
  bundle?: number;
  /** getStaticPaths and writing every page. */
  rendering?: number;
  /** Search indexing (Pagefind), when the build logs it. */
  indexing?: number;
  /** Everything after rendering (build:done hooks: sitemap, search index) until the build ends. */
  postBuild?: number;
}

const first = (lines: Line[], pattern: RegExp, after = -1) => lines.find((l) => l.ms > after && pattern.test(l.text))?.ms;
const last = (lines: Line[], pattern: RegExp, after = -1) => lines.findLast((l) => l.ms > after && pattern.test(l.text))?.ms;
const span = (from?: number, to?: number) => (from !== undefined && to !== undefined && to >= from ? to - from : undefined);

/** A per-page progress line of `astro build` (`  ├─ /path/index.html (+2ms)`). */
export const isAstroPageLine = (text: string) => /^\S*\s+[├└]─ /.test(text) || /^\d\d:\d\d:\d\d\s+[├└]─ /.test(text);

/** CPU seconds the tree used during each phase, from the sampled CPU timeline. */
export function phaseCpu(run: Measured, phases: Phases): Phases {
  const cpuAt = (ms: number) => {
    let value = 0;
    for (const [t, seconds] of run.cpuTimeline) {
      if (t > ms) break;
      value = seconds;
    }
    return value;
  };
  const out: Phases = {};
  let start = 0;
  for (const name of ['startup', 'contentSync', 'prepare', 'bundle', 'rendering', 'postBuild'] as const) {
    const length = phases[name];
    if (length === undefined) continue;
    out[name] = (cpuAt(start + length) - cpuAt(start)) * 1000;
    start += length;
  }
  return out;
}

export function astroPhases(run: Measured): Phases {
  const { lines } = run;
  const syncStart = first(lines, /\[content\] Syncing content/);
  const syncEnd = first(lines, /\[content\] Synced content/);
  const bundleStart = first(lines, /Building static entrypoints/);
  const routesStart = first(lines, /generating static routes/) ?? run.pageLines.firstMs;
  const routesEnd = routesStart === undefined ? undefined : first(lines, /✓ Completed in/, routesStart);
  const end = last(lines, /\[build\] Complete!/) ?? last(lines, /page\(s\) built in/);
  // Search indexing: the first and last line a search/Pagefind integration logs after rendering.
  const searchStart = routesEnd === undefined ? undefined : first(lines, /pagefind|\[search\]|search index/i, routesEnd);
  const searchEnd = routesEnd === undefined ? undefined : last(lines, /pagefind|\[search\]|search index/i, routesEnd);
  return {
    startup: span(0, syncStart),
    contentSync: span(syncStart, syncEnd),
    prepare: span(syncEnd, bundleStart),
    bundle: span(bundleStart, routesStart),
    rendering: span(routesStart, routesEnd),
    indexing: searchStart !== undefined && searchEnd !== undefined && searchEnd > searchStart ? span(routesEnd, searchEnd) : undefined,
    postBuild: span(routesEnd, end),
  };
}
