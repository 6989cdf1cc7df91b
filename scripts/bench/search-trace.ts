/**
 * The search page's own trace of a query (User Timing measures named
 * `search:<step>`, written by src/client/search/trace.ts), as the benchmark
 * prints it: each step's start and length in ms from the last keystroke.
 */
import type { Page } from 'playwright-core';

export interface TraceStep { step: string; at: number; ms: number; detail?: Record<string, unknown> }

/** Steps that ended after `since` (a `performance.now()` time in the page), in the order they started. */
export async function traceSince(page: Page, since: number): Promise<TraceStep[]> {
  return page.evaluate((from) => performance.getEntriesByType('measure')
    .filter((entry) => entry.name.startsWith('search:') && entry.startTime + entry.duration >= from)
    .sort((a, b) => a.startTime - b.startTime)
    .map((entry) => ({
      step: entry.name.slice('search:'.length),
      at: Math.round((entry.startTime - from) * 10) / 10,
      ms: Math.round(entry.duration * 10) / 10,
      ...((entry as PerformanceMeasure).detail ? { detail: (entry as PerformanceMeasure).detail as Record<string, unknown> } : {}),
    })), since);
}

/** One line per step: `+at ms  step  (length ms)  detail`, for reading in a terminal. */
export function traceLines(steps: TraceStep[]): string[] {
  return steps.map(({ step, at, ms, detail }) => {
    const extra = detail ? Object.entries(detail).filter(([key]) => key !== 'q').map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(' ') : '';
    const q = typeof detail?.q === 'string' ? ` "${detail.q}"` : '';
    return `${`+${at}`.padStart(8)} ms ${`${ms}`.padStart(7)} ms  ${step}${q}  ${extra}`.trimEnd();
  });
}
