import type { AstroIntegration } from 'astro';
import { figuresPlugin } from '../lib/markdown/figures.ts';
import { sourceFingerprint } from '../lib/build/source-fingerprint.ts';
import { REMOTE_PICTURES_FOLDER } from '../lib/content/remote-pictures.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Adds the pictures plugin (src/lib/markdown/figures.ts) to Astro's Markdown
 * processor, Sätteri, for `.md` and `.mdx` alike. Its code's fingerprint is
 * part of the config Astro's content cache is keyed on, so Markdown rendered
 * by an older version of it is rendered again.
 */
export default function figuresMarkdown(): AstroIntegration {
  return {
    name: 'chronicle-figures',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const processor = config.markdown.processor as { name: string; options?: { mdastPlugins?: unknown[] } };
        const plugins = processor.options?.mdastPlugins;
        if (processor.name !== 'satteri' || !Array.isArray(plugins)) {
          logger.warn(`pictures with captions need the Sätteri Markdown processor; "${processor.name}" is configured`);
          return;
        }
        // With the MDX article renderer's, whose HTML is cached the same way (src/lib/markdown/mdx-articles.ts).
        const sources = ['../lib/markdown/figures.ts', '../lib/markdown/mdx-components.ts', '../lib/markdown/mdx-articles.ts'];
        const fingerprint = sourceFingerprint(sources.map((file) => new URL(file, import.meta.url)));
        // Pictures from trusted hosts are read from their copies in the cache (src/lib/content/remote-pictures.ts).
        const pictureCache = join(fileURLToPath(config.cacheDir), REMOTE_PICTURES_FOLDER);
        plugins.push(Object.assign(figuresPlugin({ pictureCache }), { fingerprint }));
      },
    },
  };
}
