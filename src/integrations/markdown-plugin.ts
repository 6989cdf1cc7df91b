import type { AstroIntegrationLogger, AstroConfig } from 'astro';
import { sourceFingerprint } from '../lib/build/source-fingerprint.ts';

interface MarkdownPlugin {
  /** The modules (paths relative to src/integrations/) that decide what the plugin writes. */
  sources: readonly string[];
  /** Anything else rendered into the HTML (names, the base path). */
  inputs?: readonly string[];
  /** What the author loses without Sätteri, ending the warning "… need the Sätteri Markdown processor; …". */
  needs: string;
  /** Said after the processor's name when it is not Sätteri. */
  otherwise?: string;
  plugin: () => object;
}

/**
 * Adds one of Chronicle's Sätteri plugins to Astro's Markdown processor (it
 * compiles `.md` and `.mdx` alike). Rendered Markdown is cached between
 * builds, keyed by each file's text and by Astro's config; the plugin's
 * fingerprint (its code and inputs) is part of that config, so a change to
 * either renders every file again.
 */
export function addMarkdownPlugin({ config, logger }: { config: AstroConfig; logger: AstroIntegrationLogger }, options: MarkdownPlugin): void {
  const processor = config.markdown.processor as { name: string; options?: { mdastPlugins?: unknown[] } };
  const plugins = processor.options?.mdastPlugins;
  if (processor.name !== 'satteri' || !Array.isArray(plugins)) {
    logger.warn(`${options.needs} need the Sätteri Markdown processor; "${processor.name}" is configured${options.otherwise ?? ''}`);
    return;
  }
  const fingerprint = sourceFingerprint(options.sources.map((file) => new URL(file, import.meta.url)), options.inputs);
  plugins.push(Object.assign(options.plugin(), { fingerprint }));
}
