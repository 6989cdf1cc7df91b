/**
 * "Last modified" dates for articles and the sitemap's `lastmod`.
 *
 * A page's last change is the latest of its publication, its `updatedDate`
 * and its file's last commit. The Chronicle integration computes the
 * sitemap's dates from the validated content once the pages are built; the
 * sitemap's `serialize` callback (which sees only URLs) reads them from it.
 */
import type { Archive } from '../model/archive.ts';
import { ENTITY_KINDS } from '../core/kinds.ts';
import { archiveYearPath, articlePath, entityPath, normalizePath } from '../core/urls.ts';
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
 * `lastmod` for articles, and for each listing the newest change among what
 * it lists: the home page (its first `pageSize` articles), each entity's
 * first page (its articles, and its own file), each kind's index (its
 * entries' files and articles), each archive year. Alias pages left out.
 * `committed` tells when git last saw a content file.
 */
/** `pageSize`: how many articles the home page lists (PAGE_SIZE in routes/site-urls.ts). */
export function sitemapDates(archive: Archive, committed: (file: string) => Date | undefined, pageSize = 20): SitemapDates {
  const lastmod = new Map<string, Date>();
  const excluded = new Set<string>();
  const articleDate = new Map<string, Date>();
  for (const article of archive.articles) {
    const date = lastModified(article, committed(article.file));
    articleDate.set(article.id, date);
    lastmod.set(articlePath(article.id), date);
    for (const alias of article.data.aliases ?? []) excluded.add(normalizePath(alias));
  }
  const ofArticles = (ids: readonly string[]) => latest(ids.map((id) => articleDate.get(id)));
  const home = ofArticles(archive.articles.slice(0, pageSize).map((a) => a.id));
  if (home) lastmod.set('/', home);
  for (const kind of ENTITY_KINDS) {
    const records = [...archive.entities.get(kind)!.values()];
    const dates = records.map((record) => latest([ofArticles(record.articles), record.file ? committed(record.file) : undefined]));
    records.forEach((record, index) => {
      if (dates[index]) lastmod.set(entityPath(kind, record.id), dates[index]);
    });
    const index = latest(dates);
    if (index) lastmod.set(`/${kind}/`, index);
  }
  const years = new Map<number, string[]>();
  for (const article of archive.articles) {
    const year = article.pubDate.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), article.id]);
  }
  for (const [year, ids] of years) {
    const date = ofArticles(ids);
    if (date) lastmod.set(archiveYearPath(year), date);
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
