/**
 * "Last modified" dates for articles and the sitemap's `lastmod`.
 *
 * A page's last change is the latest of its publication, its `updatedDate`
 * and its file's last commit. The Chronicle integration computes the
 * sitemap's dates from the validated content once the pages are built; the
 * sitemap's `serialize` callback (which sees only URLs) reads them from it.
 */
import type { Archive } from '../model/archive.ts';
import { TIMELINE_KINDS } from '../core/kinds.ts';
import { articlePath, entityPath, normalizePath } from '../core/urls.ts';
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

/**
 * `lastmod` for articles, the home page and each entity's first page; alias
 * pages left out. `committed` tells when git last saw a content file.
 */
export function sitemapDates(archive: Archive, committed: (file: string) => Date | undefined): SitemapDates {
  const lastmod = new Map<string, Date>();
  const excluded = new Set<string>();
  const newest = (ids: readonly string[]) => archive.articleById.get(ids[0] ?? '')?.pubDate;
  const latest = (...dates: (Date | undefined)[]) => {
    const known = dates.filter((d): d is Date => d instanceof Date);
    return known.length ? new Date(Math.max(...known.map((d) => d.getTime()))) : undefined;
  };
  for (const article of archive.articles) {
    lastmod.set(articlePath(article.id), lastModified(article, committed(article.file)));
    for (const alias of article.data.aliases ?? []) excluded.add(normalizePath(alias));
  }
  const home = archive.articles[0]?.pubDate;
  if (home) lastmod.set('/', home);
  for (const collection of TIMELINE_KINDS) {
    for (const record of archive.entities.get(collection)!.values()) {
      const date = latest(newest(record.articles), record.file ? committed(record.file) : undefined);
      if (date) lastmod.set(entityPath(collection, record.id), date);
    }
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
