import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { XMLParser } from 'fast-xml-parser';
import { fileFor, filesIn, servedPath } from './crawl.ts';

/**
 * What a reader (or a search engine's crawler) can reach: starting at the
 * home page, follow every `<a href>` to a page of this site, breadth first.
 * Compared with the sitemap and with every HTML file in dist/, it shows
 * orphans (built but linked from nowhere) and pages the sitemap forgets.
 */

export interface Reach {
  /** Served paths (`/chronicle/people/x/`) reached by links from the home page. */
  reached: Set<string>;
  /** Served path → the page it was first reached from, to explain a path. */
  via: Map<string, string>;
}

function links(html: string): { hrefs: string[]; noindex: boolean } {
  const hrefs: string[] = [];
  let noindex = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'a' && attributes.href) hrefs.push(attributes.href);
      if (name === 'meta' && attributes.name === 'robots' && /noindex/i.test(attributes.content ?? '')) noindex = true;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return { hrefs, noindex };
}

export function reachFromHome({ dist, base, site }: { dist: string; base: string; site: string }): Reach {
  const origin = new URL(site).origin;
  const reached = new Set<string>([base]);
  const via = new Map<string, string>();
  const queue = [base];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const file = fileFor(dist, path, base);
    if (!file?.endsWith('.html')) continue;
    for (const href of links(readFileSync(file, 'utf8')).hrefs) {
      let url: URL;
      try {
        url = new URL(href, new URL(path, origin));
      } catch {
        continue;
      }
      if (url.origin !== origin || !url.pathname.startsWith(base)) continue;
      const target = fileFor(dist, url.pathname, base);
      if (!target?.endsWith('.html')) continue;
      const served = servedPath(dist, target, base);
      if (reached.has(served)) continue;
      reached.add(served);
      via.set(served, path);
      queue.push(served);
    }
  }
  return { reached, via };
}

/** Every HTML page in dist/ by its served path, with those that ask not to be indexed (404, alias redirects) apart. */
export function builtPages(dist: string, base: string): { indexable: Set<string>; noindex: Set<string> } {
  const indexable = new Set<string>();
  const noindex = new Set<string>();
  for (const file of filesIn(dist).filter((f) => f.endsWith('.html'))) {
    (links(readFileSync(file, 'utf8')).noindex ? noindex : indexable).add(servedPath(dist, file, base));
  }
  return { indexable, noindex };
}

/** Every `<loc>` of the sitemap index's sitemaps, as a path on the site. */
export function sitemapPaths(dist: string): Set<string> {
  const xml = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
  const index = xml.parse(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8'));
  const paths = new Set<string>();
  for (const { loc } of index.sitemapindex.sitemap as { loc: string }[]) {
    const part = xml.parse(readFileSync(join(dist, new URL(loc).pathname.split('/').pop()!), 'utf8'));
    for (const url of part.urlset.url as { loc: string }[]) paths.add(new URL(url.loc).pathname);
  }
  return paths;
}
