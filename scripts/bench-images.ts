/**
 * `node scripts/bench-images.ts [--runs 5] [--card-threads 100,300,1000]`
 *
 * What a picture costs to optimise, per output format, as Astro's Sharp service
 * encodes it (Sharp's default quality for each format): a photo-like
 * 1920 × 1280 source (smooth shapes, gradients and grain, so it compresses like
 * a photograph rather than a flat test card) resized to the widths the text
 * column uses, encoded as JPEG, WebP and AVIF. Prints the median encode time
 * per image and the bytes of each, as JSON, for BENCHMARKS.md.
 *
 * Then what a share card costs to draw (src/lib/cards/): cards with English,
 * Russian and Persian headlines of several lengths, each drawn `runs` times;
 * the median ms per card (layout, paint, PNG encode; the fonts are loaded
 * once, before timing) and its bytes; with --card-threads, the same cards drawn
 * on one thread and on a pool at those batch sizes (scripts/bench/card-threads.ts).
 */
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { encodedPhoto } from './bench/photo.ts';
import { drawCard } from '../src/lib/cards/paint.ts';
import type { CardFields } from '../src/lib/cards/layout.ts';
import { cardThreads } from './bench/card-threads.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'card-threads': { type: 'string' } } });
const runs = Number(args.runs);

const WIDTH = 1920;
const HEIGHT = 1280;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const source = await encodedPhoto(WIDTH, HEIGHT, 'jpeg');
const results: Record<string, { width: number; ms: number; bytes: number }[]> = {};
for (const format of ['jpeg', 'webp', 'avif'] as const) {
  results[format] = [];
  for (const width of [360, 720, 1440]) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const output = await sharp(source).resize({ width }).toFormat(format).toBuffer();
      times.push(performance.now() - started);
      bytes = output.length;
    }
    results[format].push({ width, ms: Math.round(median(times) * 10) / 10, bytes });
  }
}
const CARDS: CardFields[] = [
  { lang: 'en', headline: 'Iran–Russia ties strategic and longstanding, Velayati says in Moscow', section: 'Iran–Russia relations', date: '12 July 2018', dateline: 'MOSCOW', siteName: 'Chronicle' },
  { lang: 'en', headline: 'Ali Akbar Velayati', section: 'Person', siteName: 'Chronicle' },
  { lang: 'ru', headline: 'Велаяти и Путин встретились в Москве: «стратегическое партнёрство» двух стран', section: 'Ирано-российские отношения', date: '12 июля 2018 г.', dateline: 'МОСКВА', siteName: 'Хроника' },
  { lang: 'fa', headline: 'دیدار ولایتی و پوتین در مسکو — ۲۱ تیر ۱۳۹۷', section: 'روابط ایران و روسیه', date: '۲۱ تیر ۱۳۹۷', dateline: 'مسکو', siteName: 'کرونیکل' },
];
drawCard(CARDS[0]!); // loads the faces
const cardTimes: number[] = [];
let cardBytes = 0;
for (let run = 0; run < runs; run++) {
  for (const card of CARDS) {
    const started = performance.now();
    cardBytes = Math.max(cardBytes, drawCard({ ...card, headline: `${card.headline} ${run}` }).length);
    cardTimes.push(performance.now() - started);
  }
}
const cards = { drawn: cardTimes.length, msPerCard: Math.round(median(cardTimes) * 10) / 10, largestBytes: cardBytes };
// --card-threads 100,300,1000: the same cards drawn on one thread and on a pool (draw.ts's threshold).
const threads = args['card-threads'] ? await cardThreads(CARDS, args['card-threads'].split(',').map(Number), Math.min(runs, 3)) : undefined;
console.log(JSON.stringify({ source: { width: WIDTH, height: HEIGHT, jpegBytes: source.length }, runs, concurrency: sharp.concurrency(), results, cards, threads }, null, 2));
