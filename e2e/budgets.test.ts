import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOnce } from './helpers/site.ts';
import { serveDir } from './helpers/serve.ts';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { filesIn, servedPath } from './helpers/crawl.ts';
import { pageWeight } from './helpers/page-weight.ts';
import { writeLanguagesFixture, PERSIAN, SEED_ID } from './helpers/languages-fixture.ts';

/**
 * Size budgets for reading an article, on a slow link:
 * - its HTML plus every stylesheet it links, each gzipped, is at most 15 KB;
 * - its only JavaScript is the keyboard shortcut to search (/ and Ctrl/Cmd+K,
 *   src/client/search/shortcut.ts): one external module of at most 1 KB
 *   gzipped that imports nothing; no other script element but JSON-LD data,
 *   and Chromium fetches no other script for it. Search itself loads on the
 *   search page.
 * Fonts are outside the budget (see e2e/helpers/page-weight.ts).
 */

const ARTICLE_BUDGET = 15_000;
const SHORTCUT_BUDGET = 1024;

const fixture = writeLanguagesFixture();
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'languages', contentDir: fixture });
const articles = filesIn(join(build.outDir, 'articles')).filter((file) => file.endsWith('index.html'));
const temps: string[] = [];
/** The script the English seed article loads: the one every article must load alone. */
const shortcutModule = () => pageWeight(build.outDir, articles.find((file) => file.includes(SEED_ID))!).scripts[0]?.match(/src="([^"]+)"/)?.[1] ?? 'none';
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('every article page', () => {
  it('exists (left to right and right to left)', () => {
    const paths = articles.map((file) => servedPath(build.outDir, file, '/'));
    expect(paths).toContain(`/articles/${SEED_ID}/`);
    expect(paths).toContain(`/articles/${PERSIAN.id}/`);
  });

  it.each(articles.map((file) => [servedPath(build.outDir, file, '/'), file]))('%s: HTML + CSS within 15 KB gzipped, one script: the shortcut module, within 1 KB gzipped', (_path, file) => {
    const weight = pageWeight(build.outDir, file);
    expect(weight.missing).toEqual([]);
    expect(weight.stylesheets.length).toBeGreaterThan(0);
    expect(weight.total, `HTML ${weight.html} B + ${weight.stylesheets.map((s) => `${s.href} ${s.gzip} B`).join(' + ')}`).toBeLessThanOrEqual(ARTICLE_BUDGET);
    expect(weight.scripts).toEqual([`<script src="${shortcutModule()}">`]);
    expect(weight.scriptFiles[0]!.gzip).toBeLessThanOrEqual(SHORTCUT_BUDGET);
  });

  it('the shortcut module is the header\'s script, a module that imports nothing', () => {
    const src = shortcutModule();
    expect(src).toMatch(/^\/_astro\/Header\.astro_astro_type_script_[^/]+\.js$/);
    const code = readFileSync(join(build.outDir, src), 'utf8');
    expect(code).not.toMatch(/\bimport\s*[({"'\w*]/);
    expect(code).toContain('data-search-input');
  });
});

describe('every page', () => {
  // One render-blocking request before first paint: the site's stylesheet (vite.build.cssCodeSplit: false),
  // the same file on every page, cached after the first; the fonts' rules are inline.
  it('links exactly one stylesheet, the same on every page', () => {
    const pages = filesIn(build.outDir).filter((file) => file.endsWith('.html') && !/http-equiv="refresh"/.test(readFileSync(file, 'utf8')));
    expect(pages.length).toBeGreaterThan(20);
    const linked = new Map(pages.map((file) => [servedPath(build.outDir, file, '/'), pageWeight(build.outDir, file).stylesheets.map((sheet) => sheet.href)]));
    const sheets = new Set([...linked.values()].map((hrefs) => hrefs.join(' + ')));
    expect([...linked].filter(([, hrefs]) => hrefs.length !== 1)).toEqual([]);
    expect(sheets.size, [...sheets].join('\n')).toBe(1);
  });
});

describe('in Chromium', () => {
  it('an article loads one script, the shortcut module, and the search page is where search starts', async () => {
    const server = await serveDir(build.outDir);
    const browser = await launchBrowser();
    try {
      const loaded = async (path: string) => {
        const { page } = await openPage(browser, server.origin);
        const scripts: string[] = [];
        page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(request.url()); });
        await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
        const executable = await page.evaluate(() => [...document.scripts].filter((s) => s.type !== 'application/ld+json').length);
        await page.context().close();
        return { scripts, executable };
      };
      for (const id of [SEED_ID, PERSIAN.id]) {
        expect(await loaded(`articles/${id}/`), id).toEqual({ scripts: [new URL(shortcutModule(), server.url).href], executable: 1 });
      }
      // The same measurement sees the search page's scripts: the check above can fail.
      const search = await loaded('search/');
      expect(search.scripts.length).toBeGreaterThan(1);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('the budget check (it can fail)', () => {
  it('reports a page over budget, and a script', () => {
    const dist = mkdtempSync(join(tmpdir(), 'chronicle-budget-'));
    temps.push(dist);
    mkdirSync(join(dist, 'articles', 'x'), { recursive: true });
    // Random bytes do not compress: 16 KB of them is over budget however gzip is tuned.
    writeFileSync(join(dist, 'big.css'), `/* ${randomBytes(20_000).toString('base64')} */`);
    writeFileSync(join(dist, 'articles', 'x', 'index.html'),
      '<!doctype html><html><head><link rel="stylesheet" href="/big.css"><script type="application/ld+json">{}</script></head>'
      + '<body><p>Text</p><script type="module" src="/app.js"></script><script>track()</script></body></html>');
    const weight = pageWeight(dist, join(dist, 'articles', 'x', 'index.html'));
    expect(weight.total).toBeGreaterThan(ARTICLE_BUDGET);
    expect(weight.scripts).toEqual(['<script src="/app.js">', 'inline <script type="">: track()']);
    expect(weight.missing).toEqual(['/app.js']);
  });
});
