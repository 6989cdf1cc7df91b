import type { AstroIntegration } from 'astro';
import type { ContentPass } from './content-pass.ts';
import { quotePlugin, type Speaker } from '../lib/markdown/quote-plugin.ts';
import { sourceFingerprint } from '../lib/build/source-fingerprint.ts';

/** The modules that decide what a rendered quotation looks like. */
const PLUGIN_SOURCES = ['../lib/markdown/quote-plugin.ts', '../lib/markdown/mdx-components.ts', '../lib/content/quote-syntax.ts', '../lib/core/dates.ts', '../lib/core/partial-date.ts'];

/**
 * Adds the quotation plugin to Astro's Markdown processor (Sätteri, which
 * also compiles MDX), so attributed quotations render as figures with anchor
 * ids in `.md` and `.mdx` articles alike. People's names come from the content pass once per
 * config load; the dev server picks up a renamed person on restart.
 */
export default function quotes(pass: ContentPass): AstroIntegration {
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
        const people = new Map<string, Speaker>(pass.result().content.people.map((person) => [person.id, { name: person.data.name }]));
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
