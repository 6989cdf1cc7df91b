import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { articleWeight, pictureFigures } from '../../scripts/bench/pictures.ts';
import type { Measured } from '../../scripts/bench/measure.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A measured build whose log has these lines, with the tree's CPU growing 1.5 s per wall second. */
const run = (lines: [number, string][]): Measured => ({
  lines: lines.map(([ms, text]) => ({ ms, text })),
  cpuTimeline: Array.from({ length: 101 }, (_, i) => [i * 1000, i * 1.5] as [number, number]),
} as unknown as Measured);

describe('the benchmark reads pictures and share cards from a build', () => {
  it('counts the images Astro optimised and reused, and the time and CPU of that phase, from its log', () => {
    const figures = pictureFigures(run([
      [10_000, '17:02:11 ✓ Completed in 9.80s.'],
      [20_000, ' generating optimized images '],
      [21_000, '17:02:12   ▶ /_astro/lead.Ab12_Z1x.webp (before: 567kB, after: 31kB) (+412ms) (1/3)'],
      [22_000, '17:02:13   ▶ /_astro/lead.Ab12_Z2y.webp (before: 567kB, after: 60kB) (+610ms) (2/3)'],
      [23_000, '17:02:14   ▶ /_astro/map.Cd34_Z3z.webp (reused cache entry) (+2ms) (3/3)'],
      [30_000, '17:02:21 ✓ Completed in 10.00s.'],
      [40_000, '17:02:31 [chronicle-share-cards] 250 share cards in cards/: 240 drawn in 6000 ms on 2 thread(s) (11000 ms of drawing), 10 reused, 4 unused removed from the store'],
    ]));
    expect(figures.images).toEqual({ optimised: 2, reused: 1, wallMs: 10_000, cpuMs: 15_000 });
    expect(figures.cards).toEqual({ named: 250, drawn: 240, reused: 10, removed: 4, threads: 2, wallMs: 6000, drawMs: 11_000, cpuMs: 9000 });
  });

  it('reports nothing for a build without pictures or cards', () => {
    expect(pictureFigures(run([[1000, '17:00:00 [build] Complete!']]))).toEqual({});
  });

  it('weighs an article page with a lead picture: HTML and CSS gzipped, and the smallest srcset size that fills a phone column', () => {
    const dist = mkdtempSync(join(tmpdir(), 'chronicle-bench-dist-'));
    dirs.push(dist);
    mkdirSync(join(dist, '_astro'), { recursive: true });
    const css = 'body { margin: 0 }\n'.repeat(50);
    writeFileSync(join(dist, '_astro', 'site.css'), css);
    for (const [width, bytes] of [[240, 4000], [540, 21_000], [720, 30_000], [1080, 52_000]] as const) writeFileSync(join(dist, '_astro', `lead_${width}.webp`), Buffer.alloc(bytes));
    const page = (lead: boolean) => `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${lead
      ? '<figure class="figure lead-picture"><img src="/_astro/lead_1080.webp" srcset="/_astro/lead_240.webp 240w, /_astro/lead_540.webp 540w, /_astro/lead_720.webp 720w, /_astro/lead_1080.webp 1080w" width="1920" height="1280"></figure>'
      : ''}<p>Text.</p></body></html>`;
    for (const [id, lead] of [['2018/07/with-picture', true], ['2018/07/without', false]] as const) {
      mkdirSync(join(dist, 'articles', id), { recursive: true });
      writeFileSync(join(dist, 'articles', id, 'index.html'), page(lead));
    }
    const weight = articleWeight(dist)!;
    expect(weight).toMatchObject({ pages: 1, measured: 1, phoneWidth: 358, phoneBytesMedian: 21_000, phoneBytesMax: 21_000, widths: [240, 540, 720, 1080] });
    expect(weight.htmlCssMedian).toBe(gzipSync(page(true)).length + gzipSync(css).length);
  });
});
