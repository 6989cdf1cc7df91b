import type { RSSFeedItem } from '@astrojs/rss';
import { articleTimeZone, publicationMoment } from '../core/time-zones.ts';

/** How many items each feed carries: the latest, by first publication. */
export const FEED_SIZE = 50;

export interface FeedArticle {
  id: string;
  title: string;
  description: string;
  pubDate: Date;
  updatedDate?: Date | undefined;
  topics: readonly string[];
  /** Its own `timezone`, if it sets one. */
  data?: { timezone?: string | undefined } | undefined;
}

/**
 * Feed items for articles already in newest-first order of publication (as
 * every list in the archive model is). The item's date is always `pubDate`:
 * an update or a correction never makes an old story look new in a reader.
 * RSS needs a time: a date without one is given as noon in the article's
 * time zone (its own, else `siteTimeZone`), the same day for every reader.
 */
export function feedItems(
  newestFirst: readonly FeedArticle[],
  link: (id: string) => string,
  topicTitle: (id: string) => string,
  siteTimeZone: string,
): RSSFeedItem[] {
  return newestFirst.slice(0, FEED_SIZE).map((article) => ({
    title: article.title,
    link: link(article.id),
    description: article.description,
    pubDate: publicationMoment(article.pubDate, articleTimeZone(article, siteTimeZone)),
    categories: article.topics.map(topicTitle),
  }));
}
