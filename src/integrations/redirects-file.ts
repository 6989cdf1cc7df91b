import type { AstroIntegration } from 'astro';
import { writeHostFile } from './host-file.ts';
import type { ContentPass } from './content-pass.ts';
import { aliasRedirects, forceRedirects, redirectsFile } from '../lib/site/redirects.ts';

/**
 * Writes `_redirects` (Netlify and Cloudflare Pages format) next to the built
 * pages, so hosts that read it answer an old article URL with a real 301.
 * The alias pages stay for every other host. A `_redirects` in public/ is kept:
 * the generated rules go after it.
 */
export default function redirects(pass: ContentPass): AstroIntegration {
  let base = '/';
  return {
    name: 'chronicle-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const rules = aliasRedirects(pass.result().content.articles, base);
        writeHostFile(dir, '_redirects', redirectsFile(rules, { force: forceRedirects(process.env) }));
        logger.info(`_redirects: ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} for old article URLs`);
      },
    },
  };
}
