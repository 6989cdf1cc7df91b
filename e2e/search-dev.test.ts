import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { ROOT } from './helpers/site.ts';
import { startDevServer, type DevServer } from './helpers/dev-server.ts';
import { statusBecomes } from './helpers/search-page.ts';

/**
 * `astro dev` over a copy of the seed content, under a base path: search
 * works there too, and follows the content as it changes, without any build.
 */
const WORK = join(process.env.CHRONICLE_E2E_CACHE || join(ROOT, '.cache', 'e2e'), 'search-dev');
const CONTENT = join(WORK, 'content');
const ARTICLE = 'Iran-Russia Ties Strategic, Longstanding: Velayati';
const BASE = '/chronicle/';

const article = (title: string, word: string, extra = '') => [
  '---', `title: "${title}"`, 'description: "Written while the dev server runs."', 'pubDate: 2019-03-04',
  'topics: [jcpoa]', extra, '---', '', `Envoys met in Vienna, where the ${word} was the only subject.`, '',
].join('\n');

let browser: Browser;
let dev: DevServer | undefined;
let origin = '';
let site = ''; // origin + base

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  cpSync(join(ROOT, 'content'), CONTENT, { recursive: true });
  writeFileSync(join(CONTENT, 'articles', 'dev-first.md'), article('Talks resume in Vienna', 'zephyrcrest'));
  dev = await startDevServer(CONTENT, { CHRONICLE_BASE: BASE });
  site = dev.url;
  origin = new URL(site).origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('search in the dev server', () => {
  it('finds the seed article and an article that exists only in this content folder', async () => {
    const { page, foreignRequests } = await openPage(browser, origin);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${site}search/?q=Velayati`);
    await statusBecomes(page, /results? for “Velayati”/);
    await expect(page.locator('a[data-result-link]').allTextContents()).resolves.toContain(ARTICLE);

    await page.getByLabel('Search the archive').fill('zephyrcrest');
    await statusBecomes(page, '1 result for “zephyrcrest”');
    await expect(page.locator('a[data-result-link]').allTextContents()).resolves.toEqual(['Talks resume in Vienna']);
    expect(new URL((await page.locator('a[data-result-link]').getAttribute('href'))!, site).pathname).toBe(`${BASE}articles/dev-first/`);
    expect(requests.some((path) => path.startsWith(`${BASE}pagefind/`))).toBe(true);
    expect(foreignRequests).toEqual([]);
  });

  it('follows the content: an article written while the server runs becomes searchable', async () => {
    writeFileSync(join(CONTENT, 'articles', 'dev-second.md'), article('A draft about the lanternfish', 'lanternfish', 'draft: true'));
    const { page } = await openPage(browser, origin);
    await expect.poll(async () => {
      await page.goto(`${site}search/?q=lanternfish`);
      return statusBecomes(page, /result/).catch(() => '');
    }, { timeout: 120_000, interval: 2_000 }).toBe('1 result for “lanternfish”').catch((error: Error) => {
      // What the dev server logged (indexing, failed pages) is what explains a failure here.
      throw new Error(`${error.message}\n\nthe dev server said:\n${(dev?.output() ?? '').replace(/\u001b\[[0-9;]*m/g, '').slice(-6000)}`);
    });
    await expect(page.locator('a[data-result-link]').allTextContents()).resolves.toEqual(['A draft about the lanternfish']);
    await page.locator('a[data-result-link]').click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('A draft about the lanternfish');
  });
});
