/**
 * Every URL the site publishes, built in one place. Paths here never include
 * the deployment base (`CHRONICLE_BASE`); `withBase` adds it at render time.
 */
import { primaryLanguage } from './language.ts';

import { KIND_NAMES, KINDS, type EntityKind, type QuotesKind } from './kinds.ts';

/** An entity kind, as URLs name it (`/people/…`). */
export type EntityCollection = EntityKind;

/** Index pages that no alias may take over. */
export const FIXED_PAGES: readonly string[] = [
  '/', '/search/', '/timeline/', '/archive/', '/quotes/', '/guide/', ...KIND_NAMES.map((kind) => `/${kind}/`),
  '/404.html', '/rss.xml', '/robots.txt', '/sitemap-index.xml',
];

export function articlePath(id: string): string {
  return `/articles/${id}/`;
}

export function entityPath(collection: EntityCollection, id: string): string {
  return `/${collection}/${KINDS[collection].ids === 'country' ? id.toLowerCase() : id}/`;
}

/** The quote ledger: every quotation (`/quotes/`), or a person's or a topic's. */
export function quotesPath(of?: { collection: QuotesKind; id: string }): string {
  return of ? `${entityPath(of.collection, of.id)}quotes/` : '/quotes/';
}

/** A quotation's place in its article. */
export function quoteHref(articleId: string, anchor: string): string {
  return `${articlePath(articleId)}#${anchor}`;
}

/**
 * The search page whose labels are in `lang`: `/search/` in English,
 * `/search/fa/` for a language in `translated` (those with interface strings).
 */
export function searchPath(lang: string, translated: readonly string[]): string {
  const primary = primaryLanguage(lang);
  return translated.includes(primary) ? `/search/${primary}/` : '/search/';
}

/** Page `n` (1-based) of a paginated listing at `path`: page 1 is the path itself. */
export function pagePath(path: string, page: number): string {
  return page <= 1 ? path : `${path}${page}/`;
}

export function timelineYearPath(year: number): string {
  return `/timeline/${year}/`;
}

export function archiveYearPath(year: number): string {
  return `/archive/${year}/`;
}

/** Makes an author's alias comparable: leading and trailing slash, no doubled slashes. */
export function normalizePath(path: string): string {
  const trimmed = path.trim().replace(/\/{2,}/g, '/');
  if (/\.[a-z0-9]+$/i.test(trimmed)) return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  const withLead = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

/** Joins the deployment base (`/` or `/chronicle/`) and a site path. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${path.startsWith('/') ? path : `/${path}`}`;
}
