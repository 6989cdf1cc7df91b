/**
 * What pictures cost a build and a reader, for `npm run bench -- --pictures 0.2`:
 * from the build's log, Astro's image optimisation ("generating optimized
 * images", one line per image written or reused) and the share cards
 * (the share-cards integration's summary line); from `dist/`, the bytes of an
 * article page with its lead picture.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pageWeight } from '../../e2e/helpers/page-weight.ts';
import { fileFor } from '../../e2e/helpers/crawl.ts';
import { median } from './dist-stats.ts';
import type { Measured } from './measure.ts';

export interface PictureFigures {
  images?: { optimised: number; reused: number; wallMs: number; cpuMs: number };
  cards?: { named: number; drawn: number; reused: number; removed: number; threads: number; wallMs: number; drawMs: number; cpuMs: number };
}

/** CPU ms the process tree used between two moments of the run (its sampled CPU timeline). */
function cpuBetween(run: Measured, from: number, to: number): number {
  const at = (ms: number) => run.cpuTimeline.findLast(([t]) => t <= ms)?.[1] ?? 0;
  return (at(to) - at(from)) * 1000;
}

const CARD_LINE = /(\d+) share cards in cards\/: (\d+) drawn in (\d+) ms on (\d+) thread\(s\) \((\d+) ms of drawing\), (\d+) reused, (\d+) unused removed/;

export function pictureFigures(run: Measured): PictureFigures {
  const figures: PictureFigures = {};
  const start = run.lines.findIndex((l) => /generating optimized images/.test(l.text));
  if (start >= 0) {
    const endIndex = run.lines.findIndex((l, i) => i > start && /✓ Completed in/.test(l.text));
    const lines = run.lines.slice(start, endIndex < 0 ? undefined : endIndex);
    const from = run.lines[start]!.ms;
    const to = endIndex < 0 ? run.lines.at(-1)!.ms : run.lines[endIndex]!.ms;
    figures.images = {
      optimised: lines.filter((l) => /▶ .*\(before: /.test(l.text)).length,
      reused: lines.filter((l) => /▶ .*\(reused cache entry\)/.test(l.text)).length,
      wallMs: to - from,
      cpuMs: cpuBetween(run, from, to),
    };
  }
  const cardLine = run.lines.findLast((l) => CARD_LINE.test(l.text));
  if (cardLine) {
    const [, named, drawn, ms, threads, drawMs, reused, removed] = CARD_LINE.exec(cardLine.text)!.map(Number) as number[];
    figures.cards = { named: named!, drawn: drawn!, reused: reused!, removed: removed!, threads: threads!, wallMs: ms!, drawMs: drawMs!, cpuMs: cpuBetween(run, cardLine.ms - ms!, cardLine.ms) };
  }
  return figures;
}

export interface ArticleWeight {
  /** Article pages with a lead picture, and how many were measured (the first ones by path). */
  pages: number;
  measured: number;
  /** Gzipped HTML + stylesheets of the page, median and largest. */
  htmlCssMedian: number;
  htmlCssMax: number;
  /** The smallest width in the lead picture's srcset that fills a phone's column, and its bytes. */
  phoneWidth: number;
  phoneBytesMedian: number;
  phoneBytesMax: number;
  /** Every width the srcset offers (of the first page measured). */
  widths: number[];
}

/** A phone's column: a 390-px screen less the page's 1rem margins (src/lib/markdown/figures.ts's COLUMN_SIZES). */
const PHONE_COLUMN = 390 - 32;

function articlePages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name));
      else if (entry.name === 'index.html') pages.push(join(folder, entry.name));
    }
  };
  walk(dir);
  return pages.sort();
}

/** The bytes an article page with a lead picture sends a phone: its HTML and CSS, and the lead picture's phone size. */
export function articleWeight(dist: string, sample = 200): ArticleWeight | undefined {
  const withLead = articlePages(join(dist, 'articles')).filter((file) => readFileSync(file, 'utf8').includes('class="figure lead-picture"'));
  if (!withLead.length) return undefined;
  const measured = withLead.slice(0, sample);
  const htmlCss: number[] = [];
  const phone: number[] = [];
  let widths: number[] = [];
  for (const file of measured) {
    htmlCss.push(pageWeight(dist, file).total);
    const html = readFileSync(file, 'utf8');
    const figure = html.slice(html.indexOf('class="figure lead-picture"'));
    const srcset = /srcset="([^"]+)"/.exec(figure.slice(0, figure.indexOf('</figure>')))?.[1] ?? '';
    const candidates = srcset.split(/,\s*/).map((c) => c.trim().split(/\s+/)).map(([url, w]) => ({ url: url!, width: parseInt(w ?? '', 10) })).filter((c) => c.width > 0).sort((a, b) => a.width - b.width);
    if (!widths.length) widths = candidates.map((c) => c.width);
    const fits = candidates.find((c) => c.width >= PHONE_COLUMN) ?? candidates.at(-1);
    const target = fits ? fileFor(dist, new URL(fits.url.replace(/&amp;/g, '&'), 'http://site.invalid/').pathname, '/') : undefined;
    if (fits && target) phone.push(statSync(target).size);
  }
  return {
    pages: withLead.length, measured: measured.length,
    htmlCssMedian: median(htmlCss), htmlCssMax: Math.max(...htmlCss),
    phoneWidth: PHONE_COLUMN, phoneBytesMedian: median(phone), phoneBytesMax: Math.max(...phone), widths,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const per = (ms: number, n: number) => (n ? `${(ms / n).toFixed(1)} ms` : '—');
const share = (part: number, whole: number | undefined) => (whole ? `${Math.round((100 * part) / whole)} %` : '—');

/** Markdown lines for the report: images and cards in the cold build and the rebuild, and an article page's weight. */
export function pictureLines(cold: PictureFigures | undefined, coldWallMs: number | undefined, rebuild: PictureFigures | undefined, weight: ArticleWeight | undefined): string[] {
  if (!cold?.images && !cold?.cards && !weight) return [];
  const lines = ['', '| pictures | cold build | rebuild after one edit |', '|---|---|---|'];
  const i = cold?.images;
  const ri = rebuild?.images;
  if (i) {
    lines.push(`| images optimised (reused from the cache) | ${i.optimised} (${i.reused}) | ${ri ? `${ri.optimised} (${ri.reused})` : '—'} |`);
    lines.push(`| image phase, wall (CPU); share of the build's wall | ${s(i.wallMs)} (CPU ${s(i.cpuMs)}); ${share(i.wallMs, coldWallMs)} | ${ri ? `${s(ri.wallMs)} (CPU ${s(ri.cpuMs)})` : '—'} |`);
    lines.push(`| per optimised image, wall / CPU | ${per(i.wallMs, i.optimised)} / ${per(i.cpuMs, i.optimised)} | |`);
  }
  const c = cold?.cards;
  const rc = rebuild?.cards;
  if (c) {
    lines.push(`| share cards named, drawn, reused, removed from the store | ${c.named}, ${c.drawn}, ${c.reused}, ${c.removed} | ${rc ? `${rc.named}, ${rc.drawn}, ${rc.reused}, ${rc.removed}` : '—'} |`);
    lines.push(`| card drawing, wall (CPU) on N threads; share of the build's wall | ${s(c.wallMs)} (CPU ${s(c.cpuMs)}) on ${c.threads}; ${share(c.wallMs, coldWallMs)} | ${rc ? `${s(rc.wallMs)} on ${rc.threads}` : '—'} |`);
    lines.push(`| per card drawn: wall / drawing time per card | ${per(c.wallMs, c.drawn)} / ${per(c.drawMs, c.drawn)} | |`);
  }
  if (weight) {
    lines.push(`| article page with a lead picture (${weight.measured} of ${weight.pages}): HTML + CSS gzipped, median / max | ${kb(weight.htmlCssMedian)} / ${kb(weight.htmlCssMax)} | |`);
    lines.push(`| its lead picture for a phone's ${weight.phoneWidth}-px column, median / max (srcset ${weight.widths.join(', ')}) | ${kb(weight.phoneBytesMedian)} / ${kb(weight.phoneBytesMax)} | |`);
  }
  return lines;
}
