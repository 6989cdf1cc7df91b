import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardFile, cardsVersion, pendingFile } from '../lib/cards/cache.ts';
import { drawCards, pruneCards } from '../lib/cards/draw.ts';
import drawPending from '../lib/cards/draw-worker.ts';

const MODULE = 'virtual:chronicle/cards';
const RESOLVED = `\0${MODULE}`;
/** A card's address in a page (`…/cards/<24 hex digits>.png`), as src/lib/routes/share-card.ts writes it. */
const CARD_URL = /\/cards\/([0-9a-f]{24})\.png/g;

/** Every HTML file under `dir` (an article may be a folder whose name ends in `.html`). */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Share cards: pages name their card while they render and leave what it shows
 * in the card store in Astro's cache folder (src/lib/routes/share-card.ts);
 * after the build, the cards the pages name that the store lacks are drawn,
 * on a thread per core when there are many (src/lib/cards/draw.ts), copied into `cards/`, and the
 * store keeps only those. Reading the pages rather than a list kept in memory
 * also covers pages the incremental build copied from the last build without
 * rendering them. The dev server draws a card when it is first asked for.
 */
export default function shareCards(): AstroIntegration {
  let dir = '';
  let base = '/';
  return {
    name: 'chronicle-share-cards',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        dir = fileURLToPath(new URL('chronicle-cards/', config.cacheDir));
        const module: Plugin = {
          name: 'chronicle-cards',
          resolveId: (id) => (id === MODULE ? RESOLVED : undefined),
          load: (id) => (id === RESOLVED ? `export const cardsDir = ${JSON.stringify(dir)};\nexport const cardsVersion = ${JSON.stringify(cardsVersion())};\n` : undefined),
        };
        updateConfig({ vite: { plugins: [module] } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const match = /^\/cards\/([0-9a-f]{24})\.png$/.exec((request.url ?? '').slice(base.length - 1).split('?')[0] ?? '');
          const key = match?.[1];
          if (!key) return next();
          if (!existsSync(cardFile(dir, key)) && existsSync(pendingFile(dir, key))) drawPending({ dir, key });
          const file = cardFile(dir, key);
          if (!existsSync(file)) return next();
          response.setHeader('Content-Type', 'image/png');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': async ({ dir: out, logger }) => {
        const outDir = fileURLToPath(out);
        const keys = new Set<string>();
        for (const file of htmlFiles(outDir)) for (const match of readFileSync(file, 'utf8').matchAll(CARD_URL)) keys.add(match[1]!);
        const drawing = await drawCards(dir, keys);
        mkdirSync(join(outDir, 'cards'), { recursive: true });
        for (const key of keys) copyFileSync(cardFile(dir, key), join(outDir, 'cards', `${key}.png`));
        const pruned = pruneCards(dir, keys);
        // scripts/bench/pictures.ts reads this line.
        logger.info(`${keys.size} share cards in cards/: ${drawing.drawn} drawn in ${Math.round(drawing.ms)} ms on ${drawing.threads} thread(s) (${Math.round(drawing.drawMs)} ms of drawing), ${drawing.reused} reused, ${pruned} unused removed from the store`);
      },
    },
  };
}
