import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
 * - it ships no JavaScript at all until the reader opens search: no script
 *   element but JSON-LD data, and Chromium fetches no script for it.
 * Fonts are outside the budget (see e2e/helpers/page-weight.ts).
 */

const ARTICLE_BUDGET = 15_000;

const fixture = writeLanguagesFixture();
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'languages', contentDir: fixture });
const articles = filesIn(join(build.outDir, 'articles')).filter((file) => file.endsWith('index.html'));
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('every article page', () => {
  it('exists (left to right and right to left)', () => {
    const paths = articles.map((file) => servedPath(build.outDir, file, '/'));
    expect(paths).toContain(`/articles/${SEED_ID}/`);
    expect(paths).toContain(`/articles/${PERSIAN.id}/`);
  });

  it.each(articles.map((file) => [servedPath(build.outDir, file, '/'), file]))('%s: HTML + CSS within 15 KB gzipped, no JavaScript', (_path, file) => {
    const weight = pageWeight(build.outDir, file);
    expect(weight.missing).toEqual([]);
    expect(weight.stylesheets.length).toBeGreaterThan(0);
    expect(weight.total, `HTML ${weight.html} B + ${weight.stylesheets.map((s) => `${s.href} ${s.gzip} B`).join(' + ')}`).toBeLessThanOrEqual(ARTICLE_BUDGET);
    expect(weight.scripts).toEqual([]);
  });
});

describe('in Chromium', () => {
  it('an article loads no script, and the search page is where JavaScript starts', async () => {
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
        expect(await loaded(`articles/${id}/`), id).toEqual({ scripts: [], executable: 0 });
      }
      // The same measurement sees the search page's script: the check above can fail.
      const search = await loaded('search/');
      expect(search.scripts.length).toBeGreaterThan(0);
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
  });
});
