/**
 * Where a search's time goes, as User Timing measures named `search:<step>`
 * (a Pagefind search per language and its parts, fragment loads, drawing,
 * facet counts). The browser keeps them in its performance timeline, where
 * the benchmark (scripts/bench-search.ts) reads them back per query; the
 * page itself never reads them. The timeline is cleared now and then so a
 * long session does not keep every keystroke's entries.
 */

/** Entries kept before the oldest are dropped (a few hundred keystrokes' worth). */
const KEPT = 2_000;
let recorded = 0;

/** Records `step` as having run from `start` (a `performance.now()` time) until now. */
export function traceStep(step: string, start: number, detail?: Record<string, unknown>): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  if (++recorded > KEPT) {
    performance.clearMeasures();
    recorded = 0;
  }
  try {
    performance.measure(`search:${step}`, { start, end: performance.now(), ...(detail ? { detail } : {}) });
  } catch {
    // A timeline that refuses an entry costs the search nothing.
  }
}

/** Runs `work` and records its time as `step` once it succeeds. */
export async function traced<T>(step: string, work: () => Promise<T>, detail?: (value: T) => Record<string, unknown>): Promise<T> {
  const start = performance.now();
  const value = await work();
  traceStep(step, start, detail?.(value));
  return value;
}
