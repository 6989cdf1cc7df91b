import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, launchBrowser } from './helpers/browser.ts';
import { buildSite, type BuildResult } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';
import { article, makeContentTree, removeContentTrees } from '../tests/fixtures/content-tree.ts';
import { startPictureHost, type PictureHost } from '../tests/fixtures/remote-pictures.ts';
import type { Browser } from 'playwright-core';

/**
 * Pictures on a trusted host (a picture server on 127.0.0.1 standing in for
 * another site) are downloaded by the build, optimised like the site's own and
 * served from the site: the reader's browser never asks the host for them,
 * and a rebuild takes them from the cache without asking either.
 */
let host: PictureHost;
let contentDir: string;
let first: BuildResult;
let downloads: string[];
let server: StaticServer;
let browser: Browser;
const ID = '2018/07/remote-visit';
const FIGURE_ID = '2018/07/remote-figure';
const LEAD_ID = '2018/07/remote-lead';
const LEAD_ALT = 'Velayati and Putin shake hands in the Kremlin';

beforeAll(async () => {
  host = await startPictureHost({ width: 1600, height: 1000 });
  ({ contentDir } = makeContentTree({
    [`articles/${ID}.md`]: article('', `\nThe envoy landed in the evening.\n\n![Velayati walks down the steps of the plane](${host.base}/photos/arrival.jpg "At Vnukovo airport")\n`),
    [`articles/${LEAD_ID}.md`]: article(`image:\n  src: ${host.base}/photos/handshake.jpg\n  alt: ${LEAD_ALT}\n  caption: In the Kremlin`, '\nThe two men met for an hour.\n'),
    [`articles/${FIGURE_ID}.mdx`]: article('', `\nThe talks began.\n\n<Figure src="${host.base}/photos/talks.jpg" alt="Velayati and Putin at the table" caption="The talks" credit="Photo: a wire service" />\n`),
  }));
  first = await buildSite({ name: 'remote-pictures', contentDir, env: { CHRONICLE_PICTURE_HOSTS: host.host } });
  downloads = host.requests.splice(0);
  server = await serveDir(first.outDir);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
  removeContentTrees();
});

describe('pictures from a trusted host', () => {
  it('are downloaded once each by the build', () => {
    expect(first.code, first.output.slice(-3000)).toBe(0);
    expect(downloads.sort()).toEqual(['/photos/arrival.jpg', '/photos/handshake.jpg', '/photos/talks.jpg']);
  });

  for (const id of [ID, FIGURE_ID]) {
    it(`are served from the site, optimised, with their size and a srcset (${id})`, async () => {
      const { page, foreignRequests, errors } = await openPage(browser, server.origin, { width: 390 });
      await page.goto(new URL(`articles/${id}/`, server.url).href);
      const img = page.locator('.prose img');
      await img.scrollIntoViewIfNeeded();
      await img.evaluate((el: HTMLImageElement) => el.decode());
      const shown = await img.evaluate((el: HTMLImageElement) => ({
        current: el.currentSrc,
        width: el.getAttribute('width'),
        height: el.getAttribute('height'),
        candidates: el.srcset.split(', ').map((c) => c.split(' ')[0]),
        natural: el.naturalWidth,
      }));
      expect(new URL(shown.current).origin).toBe(server.origin);
      expect(new URL(shown.current).pathname).toMatch(/\/_astro\/.+\.webp$/);
      expect(Number(shown.width) / Number(shown.height)).toBeCloseTo(1.6, 2);
      expect(shown.candidates.length).toBeGreaterThan(2);
      for (const candidate of shown.candidates) expect(candidate).toMatch(/^\/_astro\/.+\.webp$/);
      expect(shown.natural).toBeGreaterThan(0);
      expect(foreignRequests).toEqual([]);
      expect(errors).toEqual([]);
      // The page names the host nowhere: nothing a browser could follow there.
      expect(readFileSync(join(first.outDir, 'articles', id, 'index.html'), 'utf8')).not.toContain(host.host);
      expect(host.requests).toEqual([]);
    });
  }

  it('as a lead picture: shown under the headline and as a list thumbnail, cropped for link previews and structured data, all served from the site', async () => {
    const { page, foreignRequests, errors } = await openPage(browser, server.origin, { width: 390 });
    await page.goto(new URL(`articles/${LEAD_ID}/`, server.url).href);
    const img = page.locator('.lead-picture img');
    await img.evaluate((el: HTMLImageElement) => el.decode());
    const shown = await img.evaluate((el: HTMLImageElement) => ({
      alt: el.alt, current: el.currentSrc, width: el.getAttribute('width'), height: el.getAttribute('height'),
      fetchPriority: el.getAttribute('fetchpriority'), candidates: el.srcset.split(', ').length, natural: el.naturalWidth,
      underHeadline: el.closest('figure')?.previousElementSibling?.matches('header.article-header') ?? false,
      caption: el.closest('figure')?.querySelector('figcaption')?.textContent,
    }));
    expect(shown).toMatchObject({ alt: LEAD_ALT, width: '1600', height: '1000', fetchPriority: 'high', underHeadline: true, caption: 'In the Kremlin' });
    expect(new URL(shown.current).origin).toBe(server.origin);
    expect(new URL(shown.current).pathname).toMatch(/\/_astro\/.+\.webp$/);
    expect(shown.candidates).toBeGreaterThan(2);
    expect(shown.natural).toBeGreaterThan(0);
    // The link preview's picture and the NewsArticle's: crops of the downloaded copy, files of the built site.
    const share = await page.locator('meta[property="og:image"]').getAttribute('content');
    const graph = await page.locator('script[type="application/ld+json"]').allTextContents();
    const crops = [...graph.join('\n').matchAll(/"(https?:[^"]+\/_astro\/[^"]+\.jpg)"/g)].map((m) => m[1]!);
    expect(share).toMatch(/\/_astro\/.+\.jpg$/);
    expect(await page.locator('meta[property="og:image:width"]').getAttribute('content')).toBe('1200');
    expect(crops.length).toBeGreaterThanOrEqual(3);
    for (const url of [share!, ...crops]) expect(existsSync(join(first.outDir, new URL(url).pathname))).toBe(true);
    // In lists, the small thumbnail beside the entry, from the site too.
    await page.goto(new URL('archive/2018/', server.url).href);
    const thumb = page.locator(`.archive-month-list > li:has(a[href$="${LEAD_ID}/"]) img.article-thumb`);
    await thumb.scrollIntoViewIfNeeded();
    await thumb.evaluate((el: HTMLImageElement) => el.decode());
    expect(new URL(await thumb.evaluate((el: HTMLImageElement) => el.currentSrc)).origin).toBe(server.origin);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    expect(readFileSync(join(first.outDir, 'articles', LEAD_ID, 'index.html'), 'utf8')).not.toContain(host.host);
    expect(host.requests).toEqual([]);
  });

  it('a rebuild takes them from the cache: the host is asked for nothing', async () => {
    const again = await buildSite({ name: 'remote-pictures', contentDir, env: { CHRONICLE_PICTURE_HOSTS: host.host } });
    expect(again.code, again.output.slice(-3000)).toBe(0);
    expect(host.requests).toEqual([]);
    expect(readFileSync(join(again.outDir, 'articles', ID, 'index.html'), 'utf8')).toMatch(/<img[^>]+srcset="\/_astro\/[^"]+\.webp/);
  }, 300_000);
});

describe('a picture that cannot be downloaded', () => {
  it('stops the build, naming the file, line and URL, before anything is written', async () => {
    const broken = makeContentTree({ 'articles/2018/07/gone.md': article('', `\nText.\n\n![A lost photograph](${host.base}/gone/lost.jpg)\n`) });
    const result = await buildSite({ name: 'remote-pictures-failed', contentDir: broken.contentDir, env: { CHRONICLE_PICTURE_HOSTS: host.host } });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`articles/2018/07/gone\\.md:10 {2}body: the picture "${host.base}/gone/lost\\.jpg" could not be downloaded: the server answered 404`));
    expect(existsSync(result.outDir)).toBe(false);
  }, 300_000);
});
