import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isStoreLiteral } from '../lib/build/store-literal.ts';

/** The module Astro's build makes of its content store (node_modules/astro/dist/content/consts.js). */
const STORE_MODULE = /^\0astro:data-layer-content$/;
/** Where a build keeps that store: `getDataStoreFile` in node_modules/astro/dist/content/paths.js. */
const STORE_FILE = 'data-store.json';

/**
 * Keeps the content store out of the bundle. Astro's build makes the whole
 * store — every entry's data and rendered HTML — one JavaScript module, the
 * JSON of its `data-store.json` as one string literal, so bundling time grew
 * with the archive, and V8 compiled that literal in time proportional to its
 * square (src/lib/build/store-literal.ts). The module becomes a read of the
 * same file when pages are built: the bundle holds the site's code, not its
 * content (BENCHMARKS.md, "MDX as data"). Astro marks the module as content
 * data, so incremental builds still judge pages by their cache keys. The filter
 * keeps every other module from being handed to this hook.
 */
export default function contentStore(): AstroIntegration {
  return {
    name: 'chronicle-content-store',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const file = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [{
              name: 'chronicle:content-store-file',
              apply: 'build',
              transform: {
                filter: { id: STORE_MODULE },
                handler(code, id) {
                  if (!STORE_MODULE.test(id) || !isStoreLiteral(code) || !existsSync(file)) return null;
                  const read = `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
                  return { code: read, map: { mappings: '' } };
                },
              },
            }],
          },
        });
      },
    },
  };
}
