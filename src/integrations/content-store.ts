import type { AstroIntegration } from 'astro';
import { splitStoreModule } from '../lib/build/store-literal.ts';

/** The module Astro's build makes of its content store (node_modules/astro/dist/content/consts.js). */
const STORE_MODULE = /^\0astro:data-layer-content$/;

/**
 * Rewrites the content store module so that loading it takes time in
 * proportion to the archive's size instead of its square (src/lib/build/store-literal.ts).
 * The filter keeps every other module from being handed to this hook.
 */
export default function contentStore(): AstroIntegration {
  return {
    name: 'chronicle-content-store',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [{
              name: 'chronicle:content-store-pieces',
              apply: 'build',
              transform: {
                filter: { id: STORE_MODULE },
                handler(code, id) {
                  if (!STORE_MODULE.test(id)) return null;
                  const split = splitStoreModule(code);
                  return split === undefined ? null : { code: split, map: { mappings: '' } };
                },
              },
            }],
          },
        });
      },
    },
  };
}
