import { getCollection, type CollectionEntry } from 'astro:content';
import { getArchive } from './load-archive.ts';
import { articleSource } from './article-source.ts';
import { ledgerFields, quotesInSource } from '../content/quote-syntax.ts';
import { archiveQuoteLedger, type QuoteLedger } from '../model/quote-ledger.ts';
import { contentCache } from './content-cache.ts';

type LedgerQuotes = ReturnType<typeof ledgerFields>[];

/**
 * Each article's quotations with the digest of the file they were read from,
 * kept across content changes: after an edit under the dev server only the
 * files whose digest changed are read and parsed again.
 */
const parsed = new Map<string, { digest: string | number; quotes: LedgerQuotes }>();

function quotesOf(entry: CollectionEntry<'articles'>): LedgerQuotes {
  const kept = parsed.get(entry.id);
  if (kept && entry.digest !== undefined && kept.digest === entry.digest) return kept.quotes;
  const format = /\.mdx$/i.test(entry.filePath ?? '') ? 'mdx' : 'md';
  // Only plain data is kept: the parsed trees are dropped as soon as each body is read.
  const quotes = quotesInSource(articleSource(entry), format).map(ledgerFields);
  if (entry.digest !== undefined) parsed.set(entry.id, { digest: entry.digest, quotes });
  return quotes;
}

/**
 * The quote ledger, built once per build (and again after content changes under the dev server): each
 * published article's body is parsed once and its quotations extracted with
 * the same code the Markdown plugin uses to put their anchors on the page
 * (from `parsed` when the file is unchanged).
 */
export const getQuoteLedger: () => Promise<QuoteLedger> = contentCache(async () => {
  const archive = await getArchive();
  const entries = await getCollection('articles', (entry) => archive.articleById.has(entry.id));
  const quotes = new Map(entries.map((entry) => [entry.id, quotesOf(entry)] as const));
  return archiveQuoteLedger(archive, (id) => quotes.get(id) ?? []);
});
