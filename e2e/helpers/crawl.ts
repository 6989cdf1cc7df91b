import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';

/**
 * Reads every built page and every URL in it the way a browser would resolve
 * it, and reports each site-internal URL that leaves the base path, points
 * at no file in dist/, or names a #fragment its target page has no element
 * for. Works for a root build and a sub-path build alike.
 */

export interface CrawlOptions {
  dist: string;
  /** The deployment base, `/` or `/chronicle/`. */
  base: string;
  /** The site's origin (CHRONICLE_SITE), to recognise absolute links to itself. */
  site: string;
}

export interface CrawlResult {
  pages: string[];
  /** Every internal URL checked, as `page → url`. */
  checked: number;
  problems: string[];
}

/** Folders of generated data that no page links to by hand (search index chunks). */
const SKIPPED_FOLDERS = new Set(['pagefind']);

export function filesIn(dir: string, root = dir): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return dir === root && SKIPPED_FOLDERS.has(name) ? [] : filesIn(full, root);
    return [full];
  });
}

/** The URL path a file in dist/ is served at: `articles/x/index.html` → `/chronicle/articles/x/`. */
export function servedPath(dist: string, file: string, base: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return base + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
}

/** The file in dist/ a URL path names, if it exists (a folder means its index.html). */
export function fileFor(dist: string, pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const full = join(dist, rel);
  if (!full.startsWith(dist)) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = join(full, 'index.html');
  return existsSync(index) ? index : undefined;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data', 'formaction', 'cite']);

function srcsetUrls(value: string): string[] {
  return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!.trim());
}

/**
 * Every string in a JSON-LD block that is an absolute URL. An `@id` names a
 * thing (`…/x/#article`), not an element, so only its page has to exist.
 */
function jsonUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [key === '@id' ? value.split('#')[0]! : value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonUrls(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonUrls(v, k));
  return [];
}

interface PageUrls {
  urls: string[];
  problems: string[];
  /** Every `id`, and every `name` of an <a>: what a #fragment can point at. */
  anchors: Set<string>;
}

function urlsInHtml(html: string): PageUrls {
  const urls: string[] = [];
  const problems: string[] = [];
  const anchors = new Set<string>();
  let inStyle = false;
  let jsonLd: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) anchors.add(attributes.id);
        if (name === 'a' && attributes.name) anchors.add(attributes.name);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (URL_ATTRIBUTES.has(attribute)) urls.push(value);
          else if (attribute === 'srcset' || attribute === 'imagesrcset') urls.push(...srcsetUrls(value));
          else if (attribute === 'style') urls.push(...cssUrls(value));
        }
        if (name === 'meta' && attributes.content) {
          if (attributes['http-equiv']?.toLowerCase() === 'refresh') {
            const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attributes.content)?.[1];
            if (target) urls.push(target.trim());
          } else if (/^https?:\/\//.test(attributes.content)) {
            urls.push(attributes.content); // og:url, og:image and the like
          }
        }
        if (name === 'style') inStyle = true;
        if (name === 'script' && attributes.type === 'application/ld+json') jsonLd = '';
      },
      ontext(text) {
        if (inStyle) urls.push(...cssUrls(text));
        if (jsonLd !== undefined) jsonLd += text;
      },
      onclosetag(name) {
        if (name === 'style') inStyle = false;
        if (name === 'script' && jsonLd !== undefined) {
          try {
            urls.push(...jsonUrls(JSON.parse(jsonLd)));
          } catch (error) {
            problems.push(`JSON-LD does not parse: ${(error as Error).message}`);
          }
          jsonLd = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { urls, problems, anchors };
}

/**
 * The element a fragment names, or undefined when it names none: `#:~:text=…`
 * (a text fragment), `#` and `#top` (the top of the page, by the HTML standard).
 */
export function fragmentTarget(hash: string): string | undefined {
  const fragment = hash.replace(/^#/, '').split(':~:')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    decoded = fragment;
  }
  return decoded === '' || decoded.toLowerCase() === 'top' ? undefined : decoded;
}

/** Absolute URLs on the site's own origin written into XML, text and JSON files (feeds, sitemaps, robots.txt). */
export function absoluteUrlsIn(text: string, site: string): string[] {
  const origin = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`${origin}[^\\s"'<>\\\\]*`, 'g'))].map((m) => m[0].replace(/&amp;/g, '&'));
}

export function crawl({ dist, base, site }: CrawlOptions): CrawlResult {
  const origin = new URL(site).origin;
  const problems: string[] = [];
  const pages: string[] = [];
  let checked = 0;
  const anchorsByFile = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let anchors = anchorsByFile.get(file);
    if (!anchors) {
      anchors = urlsInHtml(readFileSync(file, 'utf8')).anchors;
      anchorsByFile.set(file, anchors);
    }
    return anchors;
  };

  const check = (from: string, raw: string, pageUrl: URL, { absoluteOnly = false } = {}) => {
    const value = raw.trim();
    if (!value || /^(mailto|tel|javascript|data|blob):/i.test(value)) return;
    let url: URL;
    try {
      url = new URL(value, pageUrl);
    } catch {
      problems.push(`${from}: "${value}" is not a URL`);
      return;
    }
    if (url.origin !== origin) return; // another site
    checked += 1;
    // A bare #fragment stays on the page whatever its address, so the 404 page may use one.
    if (absoluteOnly && !/^(https?:)?\/\//.test(value) && !value.startsWith('/') && !value.startsWith('#')) {
      problems.push(`${from}: "${value}" is relative, but this page is served at addresses of any depth`);
    }
    if (!url.pathname.startsWith(base)) {
      problems.push(`${from}: "${value}" leaves the base path ${base}`);
      return;
    }
    const target = fileFor(dist, url.pathname, base);
    if (!target) {
      problems.push(`${from}: "${value}" points at no file in dist/`);
      return;
    }
    const fragment = fragmentTarget(url.hash);
    if (fragment !== undefined && target.endsWith('.html') && !anchorsOf(target).has(fragment)) {
      problems.push(`${from}: "${value}" names #${fragment}, which ${servedPath(dist, target, base)} has no element for`);
    }
  };

  for (const file of filesIn(dist)) {
    const path = servedPath(dist, file, base);
    const pageUrl = new URL(path, origin);
    if (file.endsWith('.html')) {
      pages.push(path);
      const { urls, problems: parseProblems, anchors } = urlsInHtml(readFileSync(file, 'utf8'));
      anchorsByFile.set(file, anchors);
      problems.push(...parseProblems.map((p) => `${path}: ${p}`));
      // The 404 page is served in place of any missing address, so only absolute links work there.
      for (const url of urls) check(path, url, pageUrl, { absoluteOnly: path.endsWith('404.html') });
    } else if (file.endsWith('.css')) {
      for (const url of cssUrls(readFileSync(file, 'utf8'))) check(path, url, pageUrl);
    } else if (/\.(xml|txt|json|xsl)$/.test(file)) {
      for (const url of absoluteUrlsIn(readFileSync(file, 'utf8'), origin)) check(path, url, pageUrl);
    }
  }
  return { pages, checked, problems };
}
