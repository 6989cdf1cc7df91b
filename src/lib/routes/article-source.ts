import { readFileSync } from 'node:fs';
import { root } from 'astro:config/server';
import { bodyOf } from '../content/frontmatter.ts';

/**
 * An article's Markdown or MDX source, frontmatter left out. Astro's content
 * store keeps no article bodies (`retainBody: false` in content.config.ts):
 * the store is serialised as one string, and V8's maximum string length is
 * passed at the largest archive benchmarked (BENCHMARKS.md). The few places that
 * need the text (reading time, the quote ledger) read the file instead.
 */
export function articleSource(entry: { body?: string | undefined; filePath?: string | undefined }): string {
  if (entry.body !== undefined) return entry.body;
  if (!entry.filePath) return '';
  return bodyOf(readFileSync(new URL(entry.filePath, root), 'utf8'));
}
