/**
 * "Last modified" dates for articles and the sitemap's `lastmod`.
 *
 * A page's last change is the latest of its publication, its `updatedDate`
 * and its file's last commit. The Chronicle integration computes the
 * sitemap's dates from the validated content once the pages are built; the
 * sitemap's `serialize` callback (which sees only URLs) reads them from it.
 */
import type { Archive, EntityRecord } from '../model/archive.ts';
import { ENTITY_KINDS, type EntityKind } from '../core/kinds.ts';
import { archiveYearPath, articlePath, entityPath, normalizePath, pagePath, quotesPath, timelineYearPath } from '../core/urls.ts';
import { archiveYears } from '../model/archive-months.ts';
import { DIRECTORY_KINDS, DIRECTORY_PAGE_SIZE, directoryEntries, type DirectoryKind } from '../model/directory.ts';
import type { LedgerQuote, QuoteLedger } from '../model/quote-ledger.ts';
import { entityTimeline, groupByYear, TIMELINE_COLLECTIONS, type TimelineCollection, type TimelineEntry } from '../model/timeline.ts';
import {
  ARCHIVE_PAGE_SIZE, ENTITY_TIMELINE_LIMIT, PAGE_SIZE, SOURCES_SHOWN, splitByYears, TIMELINE_PAGE_SIZE, yearSpanPath,
} from '../model/timeline-pages.ts';
import { dayOrDateTime } from '../core/time-zones.ts';

/** The latest of publication, editorial update and last commit: never before publication. */
export function lastModified(dates: { pubDate: Date; updatedDate?: Date | undefined }, committed?: Date): Date {
  const candidates = [dates.pubDate, dates.updatedDate, committed].filter((d): d is Date => d instanceof Date);
  return new Date(Math.max(...candidates.map((d) => d.getTime())));
}

export interface SitemapDates {
  /** Base-less site path → last change. */
  lastmod: Map<string, Date>;
  /** Base-less paths that must stay out of the sitemap (alias redirect pages). */
  excluded: Set<string>;
}

/** The latest of some dates, if any. */
function latest(dates: Iterable<Date | undefined>): Date | undefined {
  let best: Date | undefined;
  for (const date of dates) if (date && (!best || date > best)) best = date;
  return best;
}

/**
 * `lastmod` for every page that shows dated content: the newest change
 * among what the page shows, page by page for a paginated list (page `n`
 * shows items `(n-1)·size` to `n·size`, as Astro's `paginate` cuts them).
 * Articles: their own last change. Listings: the home page and its
 * continuation pages, each entity's pages (page 1 also counts the entity's
 * own file and, when the page shows its timeline whole, that timeline's
 * entries), each directory page (`/people/2/`: the entities on it, in
 * `directoryEntries`' order) and the topics' index, the archive and its
 * years, the timeline and its years, entities' timeline pages, and the
 * quotes pages (each quotation dated by its article). A timeline entry counts its own file (an event's)
 * or article, and the sources it lists. Alias pages left out. `committed`
 * tells when git last saw a content file.
 */
export function sitemapDates(archive: Archive, committed: (file: string) => Date | undefined, ledger?: QuoteLedger): SitemapDates {
  const lastmod = new Map<string, Date>();
  const excluded = new Set<string>();
  const articleDate = new Map<string, Date>();
  for (const article of archive.articles) {
    const date = lastModified(article, committed(article.file));
    articleDate.set(article.id, date);
    lastmod.set(articlePath(article.id), date);
    for (const alias of article.data.aliases ?? []) excluded.add(normalizePath(alias));
  }
  const ofArticle = (id: string) => articleDate.get(id);
  /** Dates each page of a list at `path` (page n at `pageAt(n)`); returns the newest of all. */
  const paged = <T>(items: readonly T[], size: number, dateOf: (item: T) => Date | undefined, pageAt: (n: number) => string, own?: Date) => {
    const pages: (Date | undefined)[] = [];
    for (let start = 0; start < items.length; start += size) pages.push(latest(items.slice(start, start + size).map(dateOf)));
    pages[0] = latest([pages[0], own]);
    pages.forEach((date, index) => {
      if (date) lastmod.set(pageAt(index + 1), date);
    });
    return latest(pages);
  };
  paged(archive.articles, PAGE_SIZE, (a) => ofArticle(a.id), (n) => (n === 1 ? '/' : `/page/${n}/`));

  const eventFile = (id: string) => {
    const file = archive.events.get(id)?.file;
    return file ? committed(file) : undefined;
  };
  const ofEntry = (entry: TimelineEntry) => latest([
    entry.kind === 'event' ? eventFile(entry.id) : ofArticle(entry.id),
    ...entry.sources.slice(0, SOURCES_SHOWN).map(ofArticle),
  ]);
  /** What an entity's first page shows besides its articles: its own file, and its timeline when shown whole. */
  const ownDate = (kind: EntityKind, record: EntityRecord<unknown>) => {
    const shown = (TIMELINE_COLLECTIONS as readonly EntityKind[]).includes(kind) ? entityTimeline(archive.timeline, kind as TimelineCollection, record.id) : [];
    return latest([record.file ? committed(record.file) : undefined, ...(shown.length <= ENTITY_TIMELINE_LIMIT ? shown.map(ofEntry) : [])]);
  };
  for (const kind of ENTITY_KINDS) {
    const records = archive.entities.get(kind)!;
    const entityDate = new Map([...records].map(([key, record]) =>
      [key, paged(record.articles, PAGE_SIZE, ofArticle, (n) => pagePath(entityPath(kind, record.id), n), ownDate(kind, record))]));
    // A directory's page n is dated by the entities on it; the topics' index (a tree) by all of them.
    if ((DIRECTORY_KINDS as readonly EntityKind[]).includes(kind)) {
      paged(directoryEntries(archive, kind as DirectoryKind), DIRECTORY_PAGE_SIZE, (entry) => entityDate.get(entry.id), (n) => pagePath(`/${kind}/`, n));
    } else {
      const index = latest(entityDate.values());
      if (index) lastmod.set(`/${kind}/`, index);
    }
  }

  const years = archiveYears(archive.articles).map((y) =>
    paged(y.items, ARCHIVE_PAGE_SIZE, (item) => ofArticle(item.article.id), (n) => pagePath(archiveYearPath(y.year), n)));
  const all = latest(years);
  if (all) lastmod.set('/archive/', all);

  const timeline = groupByYear(archive.timeline.entries).map(({ year, entries }) =>
    paged(entries, TIMELINE_PAGE_SIZE, ofEntry, (n) => pagePath(timelineYearPath(year), n)));
  const everything = latest(timeline);
  if (everything) lastmod.set('/timeline/', everything);
  for (const kind of TIMELINE_COLLECTIONS) {
    for (const id of archive.entities.get(kind)!.keys()) {
      const entries = entityTimeline(archive.timeline, kind, id);
      if (entries.length <= ENTITY_TIMELINE_LIMIT) continue;
      for (const span of splitByYears(entries, TIMELINE_PAGE_SIZE)) {
        const date = latest(entries.slice(span.start, span.end).map(ofEntry));
        if (date) lastmod.set(yearSpanPath(kind, id, span), date);
      }
    }
  }

  if (ledger) {
    const ofQuote = (quote: LedgerQuote) => ofArticle(quote.article);
    paged(ledger.quotes, PAGE_SIZE, ofQuote, (n) => pagePath(quotesPath(), n));
    for (const [id, quotes] of ledger.bySpeaker) paged(quotes, PAGE_SIZE, ofQuote, (n) => pagePath(quotesPath({ collection: 'people', id }), n));
    for (const [id, quotes] of ledger.byTopic) paged(quotes, PAGE_SIZE, ofQuote, (n) => pagePath(quotesPath({ collection: 'topics', id }), n));
  }
  return { lastmod, excluded };
}

/** The base-less path of an absolute URL on this site, or undefined if it is not under `base`. */
export function sitePath(url: string, base: string): string | undefined {
  const { pathname } = new URL(url);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  return `/${pathname.slice(prefix.length)}`;
}

interface Item { url: string; lastmod?: string | undefined }

/**
 * The sitemap's `serialize` callback: adds `lastmod` where the build knows
 * it, drops alias pages, feeds and other non-HTML files. Returns undefined
 * for an item to leave out.
 */
export function sitemapSerializer(base: string, dates: () => SitemapDates | undefined) {
  let warned = false;
  return <T extends Item>(item: T): T | undefined => {
    const path = sitePath(item.url, base);
    if (path === undefined) return item;
    if (/\.(xml|txt|json)$/i.test(path)) return undefined;
    const known = dates();
    if (!known && !warned) {
      warned = true;
      console.warn('[chronicle] no page dates were shared with the sitemap; it is written without lastmod');
    }
    if (known?.excluded.has(path)) return undefined;
    const date = known?.lastmod.get(path);
    return date ? { ...item, lastmod: dayOrDateTime(date) } : item;
  };
}

/**
 * A day stays a day in the sitemap: the serializer gives `2018-07-12`, but
 * the `sitemap` package that writes the files turns every `lastmod` into a
 * full date-time (`2018-07-12T00:00:00.000Z`, a time nobody wrote). Midnight
 * UTC is how the build keeps a day (`dayOrDateTime`), so it is written back
 * as the day.
 */
export function daysInSitemap(xml: string): string {
  return xml.replace(/<lastmod>(\d{4}-\d{2}-\d{2})T00:00:00(\.0+)?Z<\/lastmod>/g, '<lastmod>$1</lastmod>');
}
