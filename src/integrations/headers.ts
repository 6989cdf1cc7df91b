import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/site/csp.ts';

/**
 * Writes `_headers` next to the built pages so hosts that read it (Netlify,
 * Cloudflare Pages) send the same Content-Security-Policy as a header, with
 * `frame-ancestors`, which a <meta> policy cannot carry. A `_headers` in
 * public/ is kept: the generated rules go after it.
 */
export default function headers(): AstroIntegration {
  let base = '/';
  return {
    name: 'chronicle-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const target = fileURLToPath(new URL('_headers', dir));
        const own = existsSync(target) ? `${readFileSync(target, 'utf8').trimEnd()}\n\n` : '';
        writeFileSync(target, own + headersFile(base));
      },
    },
  };
}
