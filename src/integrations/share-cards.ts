import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardFile, cardsVersion } from '../lib/cards/cache.ts';

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
 * Share cards: pages draw their card into the card store in Astro's cache
 * folder while they render (src/lib/routes/share-card.ts); after the build,
 * every card a page names is copied into `cards/`. Reading the pages rather
 * than a list kept in memory also covers pages the incremental build copied
 * from the last build without rendering them. The dev server serves cards
 * straight from the store.
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
          const file = match ? cardFile(dir, match[1]!) : undefined;
          if (!file || !existsSync(file)) return next();
          response.setHeader('Content-Type', 'image/png');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir: out, logger }) => {
        const outDir = fileURLToPath(out);
        const keys = new Set<string>();
        for (const file of htmlFiles(outDir)) for (const match of readFileSync(file, 'utf8').matchAll(CARD_URL)) keys.add(match[1]!);
        mkdirSync(join(outDir, 'cards'), { recursive: true });
        for (const key of keys) {
          const from = cardFile(dir, key);
          // Only a store emptied by hand while Astro's page cache was kept gets here.
          if (!existsSync(from)) throw new Error(`share cards: ${from} is named by a page but missing from the card store; delete Astro's cache folder (CHRONICLE_CACHE_DIR, by default node_modules/.astro) and build again`);
          copyFileSync(from, join(outDir, 'cards', `${key}.png`));
        }
        logger.info(`${keys.size} share cards in cards/`);
      },
    },
  };
}
