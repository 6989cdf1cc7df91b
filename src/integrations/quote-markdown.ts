import type { AstroIntegration } from 'astro';
import type { ContentPass } from './content-pass.ts';
import { quotePlugin, type Speaker } from '../lib/markdown/quote-plugin.ts';
import { addMarkdownPlugin } from './markdown-plugin.ts';

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
      'astro:config:setup': (setup) => {
        const people = new Map<string, Speaker>(pass.result().content.people.map((person) => [person.id, { name: person.data.name }]));
        // Names and the base are rendered into quotations, so they are inputs of the fingerprint:
        // a renamed person renders every file again. So is the plugin's own code (captions, dates).
        addMarkdownPlugin(setup, {
          needs: 'attributed quotations',
          otherwise: ', so they render as plain blockquotes',
          sources: PLUGIN_SOURCES,
          inputs: [setup.config.base, ...[...people].map((entry) => JSON.stringify(entry)).sort()],
          plugin: () => quotePlugin({ people, base: setup.config.base }),
        });
      },
    },
  };
}
