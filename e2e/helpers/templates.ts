import { readFileSync } from 'node:fs';
import { filesIn, servedPath } from './crawl.ts';

/**
 * One built page per page template, found by looking at dist/ rather than
 * listed by hand, so a template added later is covered without editing the
 * tests. Pages are grouped by the shape of their address: the first folder
 * and the words `timeline` and `quotes` are kept, numbers become `:n` and
 * other names `:id` (`/topics/jcpoa/timeline/2018/` → `topics/:id/timeline/:n`).
 * A shape with pages in both directions gets one page of each; of several
 * pages of one template the largest is taken, where most of its parts show.
 */

export interface TemplatePage {
  /** A readable name: `article`, `article (right to left)`, `topics/:id/quotes`. */
  template: string;
  /** Site path without the base, e.g. `articles/2018/07/x/`; `search/?q=…` for the search page, a missing address for the 404 page. */
  path: string;
  dir: 'ltr' | 'rtl';
  /** The search page: a query is typed and results awaited. */
  search: boolean;
}

/** The templates the issue names; each must be found (a missing one fails, it is never skipped). */
export const REQUIRED_TEMPLATES = [
  'home', 'article', 'article (right to left)', 'topic', 'person', 'organization', 'country', 'event',
  'timeline', 'timeline year', 'archive', 'quotes', 'search with results', 'search in another language (right to left)', 'guide', '404',
] as const;

const NAMES: Record<string, string> = {
  '': 'home', 'articles/:n/:n/:id': 'article', 'topics/:id': 'topic', 'people/:id': 'person',
  'organizations/:id': 'organization', 'countries/:id': 'country', 'events/:id': 'event', timeline: 'timeline',
  'timeline/:n': 'timeline year', archive: 'archive', 'archive/:n': 'archive year', quotes: 'quotes', search: 'search with results', guide: 'guide',
  'search/:id': 'search in another language',
  '404.html': '404',
};

const KEPT = new Set(['timeline', 'quotes']);

/** `topics/jcpoa/timeline/2018/` → `topics/:id/timeline/:n`. */
export function shapeOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return segments.map((segment, i) => (i === 0 || KEPT.has(segment) ? segment : /^\d+$/.test(segment) ? ':n' : ':id')).join('/');
}

/** One page per template of the site built in `dist` (base `/`), in a stable order. */
export function templatePages(dist: string, searchQuery: string): TemplatePage[] {
  const found = new Map<string, TemplatePage & { size: number }>();
  for (const file of filesIn(dist)) {
    if (!file.endsWith('.html')) continue;
    const path = servedPath(dist, file, '/').slice(1);
    const html = readFileSync(file, 'utf8');
    // Redirect pages for old addresses are not templates of their own.
    if (/<meta[^>]+http-equiv="refresh"/i.test(html)) continue;
    const dir = /^<!DOCTYPE html><html[^>]*\bdir="rtl"/i.test(html) ? 'rtl' : 'ltr';
    const shape = shapeOf(path);
    const name = NAMES[shape] ?? shape;
    const template = dir === 'rtl' ? `${name} (right to left)` : name;
    if ((found.get(template)?.size ?? -1) >= html.length) continue;
    const search = shape === 'search' || shape === 'search/:id';
    // The 404 page is visited the way readers meet it: at an address that does not exist, some folders deep.
    const visited = search ? `${path}?q=${encodeURIComponent(searchQuery)}` : shape === '404.html' ? 'no/such/page/' : path;
    found.set(template, { template, path: visited, dir, search, size: html.length });
  }
  return [...found.values()].map(({ size: _size, ...page }) => page);
}

/** The required templates not among `pages`. */
export function missingTemplates(pages: readonly TemplatePage[]): string[] {
  const have = new Set(pages.map((page) => page.template));
  return REQUIRED_TEMPLATES.filter((template) => !have.has(template));
}
