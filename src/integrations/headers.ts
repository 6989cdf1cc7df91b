import type { AstroIntegration } from 'astro';
import { writeHostFile } from './host-file.ts';
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
        writeHostFile(dir, '_headers', headersFile(base));
      },
    },
  };
}
