import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The module Astro's build makes of its content store (node_modules/astro/dist/content/consts.js). */
const STORE_MODULE = /^\0astro:data-layer-content$/;
/** Where a build keeps that store: `getDataStoreFile` in node_modules/astro/dist/content/paths.js. */
const STORE_FILE = 'data-store.json';
/**
 * The mark Astro's own load gives the module (`createContentDataIncrementalMetadata` in
 * node_modules/astro/dist/core/build/incremental-metadata.js, not exported by the package):
 * its incremental build then judges pages by their cache keys rather than by this module.
 */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/** The module that reads the store from `file` when pages are built. */
export function storeFileModule(file: string) {
  return {
    code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`,
    map: { mappings: '' },
    meta: CONTENT_DATA_META,
  };
}

/**
 * Keeps the content store out of the bundle. Astro's build makes the whole
 * store — every entry's data and rendered HTML — one JavaScript module: its load
 * (`vite-plugin-content-virtual-mod.js`) reads `data-store.json`, parses it to
 * check it and writes it back as one string literal, which the bundler then
 * carries, so bundling time grew with the archive (and V8 compiled that literal
 * in time proportional to its square: its literal buffer grows 1 MB at a time,
 * copying itself). This load runs before Astro's (`order: 'pre'`) and makes the
 * module a read of the same file when pages are built: bundling never opens the
 * store, and the bundle holds the site's code, not its content (BENCHMARKS.md,
 * "MDX as data"). Only Astro's default single-file storage is replaced; the
 * chunked storage and a build without a store file keep Astro's load.
 */
export default function contentStore(): AstroIntegration {
  return {
    name: 'chronicle-content-store',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const storage = config.experimental.collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        const file = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [{
              name: 'chronicle:content-store-file',
              apply: 'build',
              enforce: 'pre',
              load: {
                order: 'pre',
                filter: { id: STORE_MODULE },
                handler(id) {
                  return STORE_MODULE.test(id) && existsSync(file) ? storeFileModule(file) : null;
                },
              },
            }],
          },
        });
      },
    },
  };
}
