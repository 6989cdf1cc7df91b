import { getCollection } from 'astro:content';
import { getArchive } from './load-archive.ts';
import { articleSource } from './article-source.ts';
import { ledgerFields, quotesInSource } from '../content/quote-syntax.ts';
import { archiveQuoteLedger, type QuoteLedger } from '../model/quote-ledger.ts';
import { contentCache } from './content-cache.ts';

/**
 * The quote ledger, built once per build (and again after content changes under the dev server): each
 * published article's body is parsed once and its quotations extracted with
 * the same code the Markdown plugin uses to put their anchors on the page.
 */
export const getQuoteLedger: () => Promise<QuoteLedger> = contentCache(async () => {
  const archive = await getArchive();
  const entries = await getCollection('articles', (entry) => archive.articleById.has(entry.id));
  const quotes = new Map(entries.map((entry) => {
    const format = /\.mdx$/i.test(entry.filePath ?? '') ? 'mdx' : 'md';
    // Only plain data is kept: the parsed trees are dropped as soon as each body is read.
    return [entry.id, quotesInSource(articleSource(entry), format).map(ledgerFields)];
  }));
  return archiveQuoteLedger(archive, (id) => quotes.get(id) ?? []);
});
