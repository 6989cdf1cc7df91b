import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { writeHostFile } from './host-file.ts';
import { headersFile, inlineStyleHashes } from '../lib/site/csp.ts';

/**
 * Writes `_headers` next to the built pages so hosts that read it (Netlify,
 * Cloudflare Pages) send the same Content-Security-Policy as a header, with
 * `frame-ancestors`, which a <meta> policy cannot carry. A `_headers` in
 * public/ is kept: the generated rules go after it. The inline styles the
 * policy allows are the fonts' (src/components/Fonts.astro), the same on every
 * page: they are read from the built home page.
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
        const home = readFileSync(new URL('index.html', dir), 'utf8');
        writeHostFile(dir, '_headers', headersFile(base, inlineStyleHashes(home)));
      },
    },
  };
}
