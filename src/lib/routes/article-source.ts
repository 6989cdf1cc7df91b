import { readFileSync } from 'node:fs';
import { root } from 'astro:config/server';
import { bodyOf } from '../content/frontmatter.ts';

/**
 * An article's Markdown or MDX source, frontmatter left out. Astro's content
 * store keeps no article bodies (`retainBody: false` in content.config.ts):
 * the store is serialised as one string, which V8 caps at about 512 MB, and
 * bodies would take it past that near 100,000 articles. The few places that
 * need the text (reading time, the quote ledger) read the file instead.
 */
export function articleSource(entry: { body?: string | undefined; filePath?: string | undefined }): string {
  if (entry.body !== undefined) return entry.body;
  if (!entry.filePath) return '';
  return bodyOf(readFileSync(new URL(entry.filePath, root), 'utf8'));
}
