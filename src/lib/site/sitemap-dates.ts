/**
 * "Last modified" dates for articles and the sitemap's `lastmod`.
 *
 * A page's last change is the latest of its publication, its `updatedDate`
 * and its file's last commit. The archive's pages compute these once per
 * build and leave them here; the sitemap integration, which runs at the end
 * of the same build process, reads them back. (A `serialize` callback sees
 * only URLs, not the archive.)
 */

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

const SHARED = Symbol.for('chronicle.sitemap-dates');
type Slot = Record<symbol, SitemapDates | undefined>;

export function shareSitemapDates(dates: SitemapDates): void {
  (globalThis as unknown as Slot)[SHARED] = dates;
}

function sharedSitemapDates(): SitemapDates | undefined {
  return (globalThis as unknown as Slot)[SHARED];
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
export function sitemapSerializer(base: string, dates: () => SitemapDates | undefined = sharedSitemapDates) {
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
    return date ? { ...item, lastmod: date.toISOString() } : item;
  };
}
