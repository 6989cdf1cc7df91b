/**
 * Where drawing share cards on a thread per core starts to pay
 * (src/lib/cards/draw.ts's POOL_FROM): for a few batch sizes, the same
 * pending cards drawn on the build thread and on a pool, each from an empty
 * store, wall ms of the whole drawing (a pool's start-up included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardsVersion, requestCard } from '../../src/lib/cards/cache.ts';
import { drawCards } from '../../src/lib/cards/draw.ts';
import type { CardFields } from '../../src/lib/cards/layout.ts';

export interface ThreadsRow { cards: number; threads: number; wallMs: number[] }

async function drawBatch(templates: CardFields[], cards: number, threads: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'card-threads-'));
  try {
    const store = { dir, version: cardsVersion() };
    const keys = Array.from({ length: cards }, (_, i) => {
      const template = templates[i % templates.length]!;
      return requestCard({ ...template, headline: `${template.headline} (${i})` }, store);
    });
    return (await drawCards(dir, keys, { threads })).ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each batch size on one thread and on every core, `runs` times, alternating so the machine's drift falls on both. */
export async function cardThreads(templates: CardFields[], sizes: number[], runs: number): Promise<ThreadsRow[]> {
  const rows: ThreadsRow[] = [];
  for (const cards of sizes) {
    const serial: ThreadsRow = { cards, threads: 1, wallMs: [] };
    const pool: ThreadsRow = { cards, threads: availableParallelism(), wallMs: [] };
    for (let run = 0; run < runs; run++) {
      serial.wallMs.push(Math.round(await drawBatch(templates, cards, 1)));
      pool.wallMs.push(Math.round(await drawBatch(templates, cards, pool.threads)));
    }
    rows.push(serial, pool);
  }
  return rows;
}
