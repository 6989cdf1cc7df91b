import { getCollection } from 'astro:content';
import { getArchive } from './load-archive.ts';
import { articleSource } from './article-source.ts';
import { quotesInSource } from '../content/quote-syntax.ts';
import { buildQuoteLedger, type QuoteLedger } from '../model/quote-ledger.ts';

let cached: Promise<QuoteLedger> | undefined;

/**
 * The quote ledger, built once per build (or dev server reload): each
 * published article's body is parsed once and its quotations extracted with
 * the same code the Markdown plugin uses to put their anchors on the page.
 */
export function getQuoteLedger(): Promise<QuoteLedger> {
  if (import.meta.env.DEV) cached = undefined;
  cached ??= (async () => {
    const archive = await getArchive();
    const entries = await getCollection('articles', (entry) => archive.articleById.has(entry.id));
    const articles = entries.map((entry) => {
      const article = archive.articleById.get(entry.id)!;
      const format = /\.mdx$/i.test(entry.filePath ?? '') ? 'mdx' : 'md';
      // Only plain data is kept: the parsed trees are dropped as soon as each body is read.
      const quotes = quotesInSource(articleSource(entry), format).map(({ id, by, role, date, text, inline }) => ({ id, by, role, date, text, inline }));
      return { article: article.id, pubDate: article.pubDate, topics: article.topics, quotes };
    });
    return buildQuoteLedger(articles, (id) => archive.people.has(id));
  })();
  return cached;
}
