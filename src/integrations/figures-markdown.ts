import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figuresPlugin } from '../lib/markdown/figures.ts';
import { REMOTE_PICTURES_FOLDER } from '../lib/content/remote-pictures.ts';
import { addMarkdownPlugin } from './markdown-plugin.ts';

/**
 * Adds the pictures plugin (src/lib/markdown/figures.ts) to Astro's Markdown
 * processor, for `.md` and `.mdx` alike, fingerprinted with the MDX article
 * renderer's code, whose HTML is cached the same way (src/lib/markdown/mdx-articles.ts).
 */
export default function figuresMarkdown(): AstroIntegration {
  return {
    name: 'chronicle-figures',
    hooks: {
      'astro:config:setup': (setup) => {
        // Pictures from trusted hosts are read from their copies in the cache (src/lib/content/remote-pictures.ts).
        const pictureCache = join(fileURLToPath(setup.config.cacheDir), REMOTE_PICTURES_FOLDER);
        addMarkdownPlugin(setup, {
          needs: 'pictures with captions',
          sources: ['../lib/markdown/figures.ts', '../lib/markdown/mdx-components.ts', '../lib/markdown/mdx-articles.ts'],
          plugin: () => figuresPlugin({ pictureCache }),
        });
      },
    },
  };
}
