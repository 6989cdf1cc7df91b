import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeJson } from '../lib/build/store-literal.ts';

/** The module Astro's build makes of its content store (node_modules/astro/dist/content/consts.js). */
const STORE_MODULE = /^\0astro:data-layer-content$/;
/** The store's files, one per content version, in the build's cache folder. */
const STORE_FILE = /^chronicle-store-[0-9a-f]+\.json$/;

/**
 * Keeps the content store out of the bundle. Astro's build makes the whole
 * store — every entry's data and rendered HTML — one JavaScript module, so
 * bundling time grew with the archive, and V8 compiled its one long literal in
 * time proportional to its square (src/lib/build/store-literal.ts). The module
 * becomes a read of the same JSON from a file written beside Astro's own
 * cache: the bundle holds the site's code, not its content (BENCHMARKS.md,
 * "MDX as data"). The file's name is the store's digest, so a changed store is
 * a changed module, as before. The filter keeps every other module from being
 * handed to this hook.
 */
export default function contentStore(): AstroIntegration {
  let folder = '';
  return {
    name: 'chronicle-content-store',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        folder = fileURLToPath(config.cacheDir);
        updateConfig({
          vite: {
            plugins: [{
              name: 'chronicle:content-store-file',
              apply: 'build',
              transform: {
                filter: { id: STORE_MODULE },
                handler(code, id) {
                  if (!STORE_MODULE.test(id)) return null;
                  const json = storeJson(code);
                  if (json === undefined) return null;
                  const name = `chronicle-store-${createHash('sha256').update(json).digest('hex').slice(0, 16)}.json`;
                  mkdirSync(folder, { recursive: true });
                  for (const old of readdirSync(folder)) if (STORE_FILE.test(old) && old !== name) rmSync(join(folder, old), { force: true });
                  const file = join(folder, name);
                  writeFileSync(file, json);
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
