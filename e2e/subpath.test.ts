import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { buildOnce, ROOT, type BuildResult } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';
import { crawl, fileFor } from './helpers/crawl.ts';
import { builtPages, reachFromHome, sitemapPaths } from './helpers/reach.ts';
import { PERSIAN } from './helpers/languages-fixture.ts';
import { normalizeSite } from '../src/lib/build/deployment.ts';

/**
 * The seed archive built for https://news.example.org/chronicle/ and served
 * only under /chronicle/: anything that ignores the base path 404s here.
 * The content is the repository's, plus an old URL for the seed article, its
 * Persian translation, and enough extra articles to give the home, topic,
 * person and country pages a page 2.
 */
const BASE = '/chronicle/';
const SITE = 'https://news.example.org';
const ARTICLE = 'Iran-Russia Ties Strategic, Longstanding: Velayati';
const ARTICLE_PATH = 'articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/';
const SEED_FILE = 'articles/2018/07/iran-russia-ties-strategic-longstanding-velayati.mdx';
const ALIAS = '2018/07/12/velayati-ties/';
const EXTRA_ARTICLES = 21;

function subpathContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-subpath-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  const seed = join(dir, SEED_FILE);
  writeFileSync(seed, readFileSync(seed, 'utf8').replace(/^dateline:/m, `aliases: [/${ALIAS}]\ndateline:`));
  writeFileSync(join(dir, 'articles', `${PERSIAN.id}.md`), PERSIAN.file); // a right-to-left translation
  for (let n = 1; n <= EXTRA_ARTICLES; n++) {
    const day = String(n).padStart(2, '0');
    writeFileSync(join(dir, 'articles', `2017-talks-round-${n}.md`), [
      '---',
      `title: "Nuclear talks, round ${n}"`,
      `description: "Negotiators meet again in Vienna for round ${n} of talks on the nuclear deal."`,
      `pubDate: 2017-03-${day}`,
      'topics: [jcpoa]',
      'people: [hassan-rouhani]',
      'countries: [IR]',
      '---',
      '',
      `Round ${n} of the talks ended without an agreement.`,
      '',
    ].join('\n'));
  }
  return dir;
}

let contentDir: string;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  contentDir = subpathContent();
  build = await buildOnce({ name: 'subpath', base: BASE, contentDir, env: { CHRONICLE_SITE: SITE } });
  server = await serveDir(build.outDir, BASE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

/** A page that also records every request to the test server outside the base path. */
async function watchedPage() {
  const watched = await openPage(browser, server.origin);
  const outside: string[] = [];
  watched.page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === server.origin && !url.pathname.startsWith(BASE)) outside.push(url.href);
  });
  return { ...watched, outside };
}

describe('a site published under /chronicle/', () => {
  it('serves nothing at the domain root: the test server only answers under the prefix', async () => {
    expect(server.url).toBe(`${server.origin}${BASE}`);
    const response = await fetch(`${server.origin}/${ARTICLE_PATH}`);
    expect(response.status).toBe(404);
  });

  it('goes from the home page to the article and on to Velayati, never leaving the prefix', async () => {
    const { page, foreignRequests, errors, outside } = await watchedPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: ARTICLE }).first().click();
    await expect.poll(() => page.url()).toBe(`${server.url}${ARTICLE_PATH}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ARTICLE);

    await page.locator('.entity-links').getByRole('link', { name: 'Ali Akbar Velayati' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}people/ali-akbar-velayati/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ali Akbar Velayati');
    // The header knows where the reader is, prefix or not.
    await expect(page.locator('.primary-nav [aria-current="page"]').getAttribute('href')).resolves.toBe(`${BASE}people/`);
    await page.getByRole('link', { name: ARTICLE }).first().click();
    await expect.poll(() => page.url().split('#')[0]).toBe(`${server.url}${ARTICLE_PATH}`);

    expect(outside).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('searches from the header, finds the seed article and opens it, loading the index from under the prefix', async () => {
    const { page, foreignRequests, errors, outside } = await watchedPage();
    const indexRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) indexRequests.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}people/ali-akbar-velayati/`);
    await page.getByRole('searchbox').first().fill('Velayati Moscow');
    await page.getByRole('searchbox').first().press('Enter');
    await expect.poll(() => page.url()).toMatch(new RegExp(`^${server.url}search/\\?q=`));

    const result = page.locator('#search-results').getByRole('link', { name: ARTICLE });
    await result.first().waitFor();
    await expect(result.first().getAttribute('href')).resolves.toMatch(new RegExp(`^${BASE}${ARTICLE_PATH}`));
    await result.first().click();
    await expect.poll(() => page.url().split('#')[0]).toBe(`${server.url}${ARTICLE_PATH}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ARTICLE);

    expect(indexRequests.length).toBeGreaterThan(0);
    for (const path of indexRequests) expect(path.startsWith(`${BASE}pagefind/`), path).toBe(true);
    expect(outside).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('links the article and its Persian translation both ways inside the prefix', async () => {
    const { page, errors, outside } = await watchedPage();
    await page.goto(`${server.url}${ARTICLE_PATH}`);
    await page.locator('a[hreflang="fa"]').first().click();
    await expect.poll(() => page.url()).toBe(`${server.url}articles/${PERSIAN.id}/`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(PERSIAN.title);
    await page.locator('a[hreflang="en"]').first().click();
    await expect.poll(() => page.url()).toBe(`${server.url}${ARTICLE_PATH}`);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('pages through the latest articles and a topic inside the prefix', async () => {
    const { page, errors, outside } = await watchedPage();
    for (const start of ['', 'topics/jcpoa/', 'people/hassan-rouhani/', 'countries/ir/']) {
      await page.goto(`${server.url}${start}`);
      const next = page.locator('a[rel="next"]');
      await expect(next.count(), `${start || 'home'} has a next page`).resolves.toBeGreaterThan(0);
      await next.first().click();
      await expect.poll(() => page.url()).toMatch(new RegExp(`^${server.url}${start}(page/)?2/$`));
      await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
      await page.locator('a[rel="prev"]').first().click();
      await expect.poll(() => page.url()).toBe(`${server.url}${start}`);
    }
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps every internal link, asset and absolute URL of every page inside the prefix, each naming a real file', () => {
    const result = crawl({ dist: build.outDir, base: BASE, site: SITE });
    expect(result.pages).toContain(`${BASE}${ARTICLE_PATH}`);
    expect(result.pages).toContain(`${BASE}page/2/`);
    // Articles, entities and their pages; no page for a country nothing names.
    expect(result.pages.length).toBeGreaterThan(60);
    expect(result.checked).toBeGreaterThan(result.pages.length * 10);
    expect(result.problems).toEqual([]);
  });

  it('reaches every page the sitemap lists, and no other, by links from the home page under the prefix', () => {
    const { reached } = reachFromHome({ dist: build.outDir, base: BASE, site: SITE });
    const { indexable, noindex } = builtPages(build.outDir, BASE);
    const sorted = (set: Iterable<string>) => [...set].sort();
    expect(sorted(reached)).toEqual(sorted(indexable));
    expect(sorted(sitemapPaths(build.outDir))).toEqual(sorted(indexable));
    // What is left out asks not to be indexed: the 404 page, and alias pages that forward to their article.
    for (const path of noindex) {
      if (path === `${BASE}404.html`) continue;
      expect(readFileSync(fileFor(build.outDir, path, BASE)!, 'utf8'), path).toMatch(/http-equiv="refresh"/);
    }
  });

  it('gives canonical links and structured data the site address and the prefix', () => {
    const html = readFileSync(join(build.outDir, ARTICLE_PATH, 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${SITE}${BASE}${ARTICLE_PATH}"`);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    expect(blocks).toHaveLength(1);
    const article = blocks[0]['@graph'].find((node: { '@type': string }) => node['@type'] === 'NewsArticle');
    expect(article?.['@id']).toBe(`${SITE}${BASE}${ARTICLE_PATH}#article`);
    // The site's search action keeps the prefix too.
    expect(blocks[0]['@graph'][0].potentialAction.target.urlTemplate).toBe(`${SITE}${BASE}search/?q={search_term_string}`);
    expect(article?.url).toBe(`${SITE}${BASE}${ARTICLE_PATH}`);
    // Every other absolute URL in JSON-LD is checked against dist/ by the crawl.
  });

  it('lists prefixed absolute URLs in the sitemap, each one a built page', () => {
    const index = readFileSync(join(build.outDir, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs = sitemaps.flatMap((sitemap) => {
      expect(sitemap.startsWith(`${SITE}${BASE}`), sitemap).toBe(true);
      const file = fileFor(build.outDir, new URL(sitemap).pathname, BASE);
      expect(file, sitemap).toBeDefined();
      return [...readFileSync(file!, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    });
    expect(locs).toContain(`${SITE}${BASE}${ARTICLE_PATH}`);
    for (const loc of locs) {
      expect(loc.startsWith(`${SITE}${BASE}`), loc).toBe(true);
      expect(fileFor(build.outDir, new URL(loc).pathname, BASE), loc).toBeDefined();
    }
  });

  it('gives feeds and robots.txt the site address and the prefix', () => {
    const feed = readFileSync(join(build.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain(`<link>${SITE}${BASE}</link>`);
    expect(feed).toContain(`<link>${SITE}${BASE}${ARTICLE_PATH}</link>`);
    const topicFeed = readFileSync(join(build.outDir, 'topics/jcpoa/rss.xml'), 'utf8');
    expect(topicFeed).toContain(`<link>${SITE}${BASE}${ARTICLE_PATH}</link>`);
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toMatch(new RegExp(`^Sitemap: ${SITE}${BASE}sitemap-index\\.xml$`, 'm'));
    // Every absolute URL in every feed is checked against dist/ by the crawl above.
  });

  it('forwards an old URL of the article to its page inside the prefix', async () => {
    const { page, errors, outside } = await watchedPage();
    await page.goto(`${server.url}${ALIAS}`);
    await expect.poll(() => page.url()).toBe(`${server.url}${ARTICLE_PATH}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ARTICLE);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('writes _redirects with the prefix on both sides of every old URL', () => {
    const lines = readFileSync(join(build.outDir, '_redirects'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      `${BASE}${ALIAS} ${BASE}${ARTICLE_PATH} 301`,
      `${BASE}${ALIAS.slice(0, -1)} ${BASE}${ARTICLE_PATH} 301`,
    ]);
    for (const line of lines) expect(fileFor(build.outDir, line.split(' ')[1]!, BASE)).toBeDefined();
  });
});

describe('the root build passes the same link checks', () => {
  it('keeps every internal link and asset on existing files', () => {
    const dist = inject('seedDist');
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    const result = crawl({ dist, base: '/', site: normalizeSite(process.env.CHRONICLE_SITE) });
    expect(result.pages).toContain(`/${ARTICLE_PATH}`);
    expect(result.problems).toEqual([]);
  });
});
