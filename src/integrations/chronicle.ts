import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readContentFiles, resolveContentDir } from '../lib/content-files.ts';
import { validateContent } from '../lib/validate.ts';
import { formatReport, type ContentError } from '../lib/errors.ts';

/** Validates the whole content tree, the same way `npm run check` does. */
export function validateTree(root: string): ContentError[] {
  const { files, errors } = readContentFiles(resolveContentDir(root), root);
  return [...errors, ...validateContent(files).errors];
}

/**
 * Chronicle's build hooks: one validation pass over every content file before
 * Astro loads anything, so all problems are reported together and a broken
 * tree publishes nothing.
 */
export default function chronicle(): AstroIntegration {
  return {
    name: 'chronicle',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const errors = validateTree(root);
        if (errors.length === 0) return;
        const report = formatReport(errors);
        if (command === 'build') {
          const error = new Error(report);
          error.name = 'ContentValidationError';
          throw error;
        }
        logger.error(report);
      },
    },
  };
}
