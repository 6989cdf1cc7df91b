import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readContentFiles, resolveContentDir } from '../lib/content/files.ts';
import { validateContent } from '../lib/content/validate.ts';
import { aliasRedirects, forceRedirects, redirectsFile } from '../lib/site/redirects.ts';

/** A frontmatter line that starts the `aliases` field. */
const ALIASES_KEY = /^["']?aliases["']?[ \t]*:/m;

/**
 * Writes `_redirects` (Netlify and Cloudflare Pages format) next to the built
 * pages, so hosts that read it answer an old article URL with a real 301.
 * The alias pages stay for every other host. A `_redirects` in public/ is kept:
 * the generated rules go after it.
 */
export default function redirects(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'chronicle-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const { files } = readContentFiles(resolveContentDir(root), root);
        // The build has already validated everything. Only articles that name aliases are read
        // again, through the same validation, so a large archive pays for a few files, not all.
        const withAliases = files.filter((file) => file.collection === 'articles' && ALIASES_KEY.test(file.source));
        const { content } = validateContent(withAliases);
        const rules = aliasRedirects(content.articles, base);
        const target = fileURLToPath(new URL('_redirects', dir));
        const own = existsSync(target) ? `${readFileSync(target, 'utf8').trimEnd()}\n\n` : '';
        writeFileSync(target, own + redirectsFile(rules, { force: forceRedirects(process.env) }));
        logger.info(`_redirects: ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} for old article URLs`);
      },
    },
  };
}
