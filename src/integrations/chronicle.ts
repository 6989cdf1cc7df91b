import type { AstroIntegration } from 'astro';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContentTree } from '../lib/content/check.ts';
import { ContentValidationError, formatReport, type ContentError } from '../lib/content/errors.ts';
import { shareProjectRoot } from '../lib/build/project-root.ts';

/** Validates the whole content tree, the same way `npm run check` does. */
export function validateTree(root: string): ContentError[] {
  return checkContentTree(root).errors;
}

/** What the dev server does with broken files: it keeps serving the rest. */
const DEV_OUTCOME = 'the dev server keeps serving the other files';

/**
 * Chronicle's build hooks: one validation pass over every content file before
 * Astro loads anything, so all problems are reported together and a broken
 * tree publishes nothing.
 */
export default function chronicle(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'chronicle',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        shareProjectRoot(root);
        const errors = validateTree(root);
        if (errors.length === 0) return;
        if (command === 'build') throw new ContentValidationError(errors);
        logger.error(formatReport(errors, DEV_OUTCOME));
      },
      // The dev server reloads content files by itself; re-check the whole tree
      // after each change so authors see every problem, not only the file's own.
      'astro:server:setup': ({ server, logger }) => {
        const { contentDir, errors } = checkContentTree(root);
        let broken = errors.length > 0;
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const now = checkContentTree(root).errors;
            if (now.length > 0) logger.error(formatReport(now, DEV_OUTCOME));
            else if (broken) logger.info('Content problems fixed: every content file passes.');
            broken = now.length > 0;
          }, 200);
        });
      },
    },
  };
}
