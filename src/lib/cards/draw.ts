import { existsSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import drawPending from './draw-worker.ts';
import { cardFile, pendingFile } from './files.ts';

/** What drawing a build's cards cost (BENCHMARKS.md reads it from the build's log). */
export interface DrawReport {
  /** Cards drawn now, and cards found in the store from an earlier build. */
  drawn: number;
  reused: number;
  threads: number;
  /** Wall ms of the whole drawing, and ms spent drawing summed over the cards. */
  ms: number;
  drawMs: number;
}

/**
 * Unless told how many threads: under this many cards, the build thread draws
 * them. Each worker loads @napi-rs/canvas and registers the faces again; on a
 * machine with a free core a pool already halves the drawing at a hundred cards
 * (BENCHMARKS.md, "Share cards"), while a rebuild that draws a few does not
 * repay starting it.
 */
const POOL_FROM = 100;

/**
 * Draws every card in `keys` that the store does not hold yet, from the
 * fields its page left (`<key>.json`, cache.ts's requestCard), on one thread
 * per core when there are many: @napi-rs/canvas paints and encodes
 * synchronously, so only threads draw two cards at once. A card is the same PNG whichever thread draws it.
 */
export async function drawCards(dir: string, keys: Iterable<string>, options: { threads?: number } = {}): Promise<DrawReport> {
  const started = performance.now();
  const wanted = [...new Set(keys)];
  const missing = wanted.filter((key) => !existsSync(cardFile(dir, key)));
  const lost = missing.find((key) => !existsSync(pendingFile(dir, key)));
  // Only a store emptied by hand while Astro's page cache was kept gets here.
  if (lost) throw new Error(`share cards: ${cardFile(dir, lost)} is named by a page but missing from the card store; delete Astro's cache folder (CHRONICLE_CACHE_DIR, by default node_modules/.astro) and build again`);
  const threads = Math.max(1, Math.min(options.threads ?? (missing.length < POOL_FROM ? 1 : availableParallelism()), missing.length));
  let drawMs = 0;
  if (threads === 1) {
    for (const key of missing) drawMs += drawPending({ dir, key });
  } else {
    const pool = new Tinypool({ filename: new URL('./draw-worker.ts', import.meta.url).href, minThreads: threads, maxThreads: threads });
    try {
      for (const ms of await Promise.all(missing.map((key) => pool.run({ dir, key }) as Promise<number>))) drawMs += ms;
    } finally {
      await pool.destroy();
    }
  }
  return { drawn: missing.length, reused: wanted.length - missing.length, threads, ms: performance.now() - started, drawMs };
}

/**
 * Removes from the store every card (and pending or half-written file) that is
 * not in `keep`, the cards the site just built names: the store holds one
 * site's cards, not every card any earlier build drew. Returns how many files went.
 */
export function pruneCards(dir: string, keep: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const key = /^([0-9a-f]{24})\.(?:png|json)$/.exec(name)?.[1];
    if (key && keep.has(key)) continue;
    rmSync(`${dir}/${name}`, { force: true, recursive: true });
    removed++;
  }
  return removed;
}
