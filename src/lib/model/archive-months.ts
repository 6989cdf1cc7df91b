/**
 * The archive by year and month: each year's articles in publication order,
 * cut into pages of fixed size so a busy year never makes a huge page.
 */
import type { ArticleSummary } from './archive.ts';
import { partialDateOf, type PartialDate } from '../core/partial-date.ts';

export interface DatedArticle { date: PartialDate; article: ArticleSummary }

export interface ArchiveYear {
  year: number;
  /** The year's articles, oldest first. */
  items: DatedArticle[];
  /** Articles per month, January first. */
  months: number[];
}

const collator = new Intl.Collator('en', { numeric: true });

/** Years newest first, each year's articles oldest first (by moment, then title, then id). */
export function archiveYears(articles: readonly ArticleSummary[]): ArchiveYear[] {
  const sorted = [...articles].sort((a, b) =>
    a.pubDate.getTime() - b.pubDate.getTime() || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1));
  const years = new Map<number, ArchiveYear>();
  for (const article of sorted) {
    const date = partialDateOf(article.pubDate);
    let year = years.get(date.year);
    if (!year) years.set(date.year, (year = { year: date.year, items: [], months: Array<number>(12).fill(0) }));
    year.items.push({ date, article });
    year.months[date.month! - 1]! += 1;
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}
