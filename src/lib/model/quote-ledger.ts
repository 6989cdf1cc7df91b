import { comparePartialDates, parsePartialDate, partialDateOf, type PartialDate } from '../core/partial-date.ts';
import type { ExtractedQuote } from '../content/quote-syntax.ts';
import type { Archive } from './archive.ts';

/** One quotation in the ledger: who said what, when, where we reported it. */
export interface LedgerQuote {
  /** Anchor id in the article (`quote-<person>-<n>`). */
  id: string;
  /** Person id. */
  speaker: string;
  text: string;
  /** Article id. */
  article: string;
  /** When it was said: the date the author gave, else the article's publication day. */
  date: PartialDate;
  /** Role at the time, when the author gave one. */
  role?: string;
  /** The article's topics. */
  topics: readonly string[];
  /** Quoted inside a sentence (a fragment) rather than as a block. */
  inline: boolean;
}

/** What the ledger needs of one article. */
export interface ArticleQuotes {
  article: string;
  pubDate: Date;
  topics: readonly string[];
  quotes: readonly Pick<ExtractedQuote, 'id' | 'by' | 'role' | 'date' | 'text' | 'inline'>[];
}

export interface SpeakerTally {
  speaker: string;
  count: number;
  /** Their newest quote on the topic. */
  latest: LedgerQuote;
}

export interface QuoteLedger {
  /** Every quotation, newest first. */
  quotes: LedgerQuote[];
  /** Person id → their quotations, newest first. */
  bySpeaker: Map<string, LedgerQuote[]>;
  /** Topic id → quotations in articles on it, newest first. */
  byTopic: Map<string, LedgerQuote[]>;
  /** Topic id → who was quoted on it, most quoted first. */
  speakersByTopic: Map<string, SpeakerTally[]>;
}

/** Newest first; quotations of one day keep the order of their articles (newest first) and of the text. */
function newestFirst(order: Map<LedgerQuote, { pubDate: number; index: number }>) {
  return (a: LedgerQuote, b: LedgerQuote) => {
    const byDate = comparePartialDates(b.date, a.date);
    if (byDate) return byDate;
    const pa = order.get(a)!;
    const pb = order.get(b)!;
    return pb.pubDate - pa.pubDate || a.article.localeCompare(b.article) || pa.index - pb.index;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The ledger of every attributed quotation, built once per build from each
 * article's extracted quotes. `isSpeaker` drops quotes naming no known person
 * (validation has already failed such a build; the dev server keeps going).
 */
export function buildQuoteLedger(articles: Iterable<ArticleQuotes>, isSpeaker: (id: string) => boolean = () => true): QuoteLedger {
  const quotes: LedgerQuote[] = [];
  const order = new Map<LedgerQuote, { pubDate: number; index: number }>();
  for (const article of articles) {
    article.quotes.forEach((quote, index) => {
      if (!isSpeaker(quote.by)) return;
      const given = quote.date === undefined ? undefined : parsePartialDate(quote.date);
      const entry: LedgerQuote = {
        id: quote.id,
        speaker: quote.by,
        text: quote.text,
        article: article.article,
        date: given?.ok ? given.value : partialDateOf(article.pubDate),
        ...(quote.role ? { role: quote.role } : {}),
        topics: article.topics,
        inline: quote.inline,
      };
      quotes.push(entry);
      order.set(entry, { pubDate: article.pubDate.getTime(), index });
    });
  }
  quotes.sort(newestFirst(order));

  const bySpeaker = new Map<string, LedgerQuote[]>();
  const byTopic = new Map<string, LedgerQuote[]>();
  for (const quote of quotes) {
    push(bySpeaker, quote.speaker, quote);
    for (const topic of quote.topics) push(byTopic, topic, quote);
  }

  const speakersByTopic = new Map<string, SpeakerTally[]>();
  for (const [topic, list] of byTopic) {
    const tallies = new Map<string, SpeakerTally>();
    for (const quote of list) {
      const tally = tallies.get(quote.speaker);
      if (tally) tally.count++;
      else tallies.set(quote.speaker, { speaker: quote.speaker, count: 1, latest: quote });
    }
    const ranked = [...tallies.values()].sort((a, b) =>
      b.count - a.count || comparePartialDates(b.latest.date, a.latest.date) || a.speaker.localeCompare(b.speaker));
    speakersByTopic.set(topic, ranked);
  }
  return { quotes, bySpeaker, byTopic, speakersByTopic };
}

/**
 * The ledger of an archive's published articles, given each one's extracted
 * quotations: the pages' ledger (routes) and the sitemap's (the content
 * pass) are built the same way.
 */
export function archiveQuoteLedger(archive: Archive, quotesOf: (articleId: string) => ArticleQuotes['quotes']): QuoteLedger {
  const articles = archive.articles.map((article) => ({ article: article.id, pubDate: article.pubDate, topics: article.topics, quotes: quotesOf(article.id) }));
  return buildQuoteLedger(articles, (id) => archive.people.has(id));
}
