import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from '../lib/content/files.ts';
import { parseFrontmatter } from '../lib/content/frontmatter.ts';
import { entryIdFromPath } from '../lib/core/ids.ts';
import { quotePlugin, type Speaker } from '../lib/markdown/quote-plugin.ts';
import { sourceFingerprint } from '../lib/build/source-fingerprint.ts';

/** Person id → name, read from content/people (validation has already checked these files). */
function readSpeakers(contentDir: string): Map<string, Speaker> {
  const folder = join(contentDir, 'people');
  const speakers = new Map<string, Speaker>();
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter((name) => /\.md$/i.test(name));
  } catch {
    return speakers;
  }
  for (const file of names) {
    const { data } = parseFrontmatter(readFileSync(join(folder, file), 'utf8'));
    if (typeof data.name === 'string') speakers.set(entryIdFromPath(file), { name: data.name });
  }
  return speakers;
}

/** The modules that decide what a rendered quotation looks like. */
const PLUGIN_SOURCES = ['../lib/markdown/quote-plugin.ts', '../lib/content/quote-syntax.ts', '../lib/core/dates.ts', '../lib/core/partial-date.ts'];

/**
 * Adds the quotation plugin to Astro's Markdown processor (Sätteri, which
 * also compiles MDX), so attributed quotations render as figures with anchor
 * ids in `.md` and `.mdx` articles alike. People's names are read once per
 * config load; the dev server picks up a renamed person on restart.
 */
export default function quotes(): AstroIntegration {
  return {
    name: 'chronicle-quotes',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const processor = config.markdown.processor as { name: string; options?: { mdastPlugins?: unknown[] } };
        const plugins = processor.options?.mdastPlugins;
        if (processor.name !== 'satteri' || !Array.isArray(plugins)) {
          logger.warn(`attributed quotations need the Sätteri Markdown processor; "${processor.name}" is configured, so they render as plain blockquotes`);
          return;
        }
        const contentDir = resolveContentDir(fileURLToPath(config.root));
        const people = readSpeakers(contentDir);
        // Rendered Markdown is cached between builds (content.config.ts), keyed by each file's
        // own text and by Astro's config. Names and the base are rendered into quotations, so
        // a fingerprint of them in the config makes Astro re-render every file when one changes.
        // So is the plugin's own code (how captions and their dates are written).
        const sources = PLUGIN_SOURCES.map((file) => new URL(file, import.meta.url));
        const fingerprint = sourceFingerprint(sources, [config.base, ...[...people].map((entry) => JSON.stringify(entry)).sort()]);
        plugins.push(Object.assign(quotePlugin({ people, base: config.base }), { fingerprint }));
      },
    },
  };
}
