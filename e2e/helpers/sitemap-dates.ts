import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { XMLParser } from 'fast-xml-parser';
import { filesIn } from './crawl.ts';

/** Every URL the sitemaps list (as a path), with its `lastmod` if it has one. */
export function sitemapLastmod(dist: string): Map<string, string | undefined> {
  const xml = new XMLParser({ isArray: (name) => name === 'url' });
  const urls = filesIn(dist).filter((f) => /sitemap-\d+\.xml$/.test(f))
    .flatMap((file) => xml.parse(readFileSync(file, 'utf8')).urlset.url as { loc: string; lastmod?: string }[]);
  return new Map(urls.map((u) => [new URL(u.loc).pathname, u.lastmod]));
}

/** The pages under `prefix` a page links to inside `<main>` (articles by default), as paths, fragments dropped. */
export function articlesShown(html: string, base = '/', prefix = 'articles/'): Set<string> {
  const shown = new Set<string>();
  let depth = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'main') depth += 1;
      const href = attributes.href;
      if (depth > 0 && name === 'a' && href?.startsWith(`${base}${prefix}`)) shown.add(`/${href.slice(base.length).split('#')[0]}`);
    },
    onclosetag(name) { if (name === 'main') depth -= 1; },
  });
  parser.write(html);
  parser.end();
  return shown;
}

/**
 * Each page whose `lastmod` is not the newest `lastmod` of the articles it
 * shows (as the sitemap gives those), and each that shows no article.
 */
export function lastmodMismatches(dist: string, paths: Iterable<string>): string[] {
  const lastmod = sitemapLastmod(dist);
  const problems: string[] = [];
  for (const path of paths) {
    const shown = [...articlesShown(readFileSync(join(dist, path, 'index.html'), 'utf8'))];
    if (shown.length === 0) {
      problems.push(`${path} shows no article`);
      continue;
    }
    const dates = shown.map((article) => Date.parse(lastmod.get(article) ?? 'none'));
    const newest = Math.max(...dates);
    const has = lastmod.get(path);
    if (Number.isNaN(newest)) problems.push(`${path} shows an article the sitemap does not date`);
    else if (has === undefined || Date.parse(has) !== newest) {
      problems.push(`${path}: lastmod ${has}, but the newest article it shows changed ${new Date(newest).toISOString()}`);
    }
  }
  return problems;
}

/**
 * Each directory page (`/people/`, `/people/2/`) whose `lastmod` is not the
 * newest `lastmod` of the entities it lists: an entity's is the newest of
 * its pages (`/people/x/`, `/people/x/2/`), as the sitemap gives them.
 */
export function directoryMismatches(dist: string, paths: Iterable<string>): string[] {
  const lastmod = sitemapLastmod(dist);
  const problems: string[] = [];
  for (const path of paths) {
    const kind = path.split('/')[1]!;
    const listed = [...articlesShown(readFileSync(join(dist, path, 'index.html'), 'utf8'), '/', `${kind}/`)].filter((p) => p !== path && !/^\/[a-z]+\/\d+\/$/.test(p));
    if (listed.length === 0) problems.push(`${path} lists no entity`);
    const dates = listed.flatMap((entity) => [...lastmod].filter(([p]) => p === entity || new RegExp(`^${entity}\\d+/$`).test(p)).map(([, d]) => Date.parse(d ?? 'none')));
    const newest = Math.max(...dates.filter((d) => !Number.isNaN(d)));
    const has = lastmod.get(path);
    if (newest === -Infinity ? has !== undefined : has === undefined || Date.parse(has) !== newest) {
      problems.push(`${path}: lastmod ${has}, but the newest entity it lists changed ${newest === -Infinity ? 'never' : new Date(newest).toISOString()}`);
    }
  }
  return problems;
}
