import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const ARTICLE = 'Iran-Russia Ties Strategic, Longstanding: Velayati';

describe('reading the seed archive', () => {
  it('goes from the home page to the article and on to Velayati', async () => {
    const url = inject('seedUrl');
    const { page, foreignRequests, errors } = await openPage(browser, new URL(url).origin);
    await page.goto(url);
    await page.getByRole('link', { name: ARTICLE }).first().click();
    await expect.poll(() => page.url()).toContain('/articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/');

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ARTICLE);
    const header = page.locator('.article-header');
    await expect(header.locator('.dateline').textContent()).resolves.toBe('TEHRAN');
    await expect(header.locator('time').first().getAttribute('datetime')).resolves.toMatch(/^2018-07-12/);
    await expect(header.locator('time').first().textContent()).resolves.toBe('12 July 2018');
    await expect(page.locator('.prose').textContent()).resolves.toContain('Following the US exit, Iran and the remaining parties launched talks to save the accord.');

    await page.locator('.entity-links').getByRole('link', { name: 'Ali Akbar Velayati' }).click();
    await expect.poll(() => page.url()).toMatch(/\/people\/ali-akbar-velayati\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ali Akbar Velayati');
    await expect(page.getByRole('link', { name: ARTICLE }).count()).resolves.toBeGreaterThan(0);

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('links every entity the article names, and each of those pages links back', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/', url).href);
    const links = await page.locator('.entity-links a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const expected = [
      'topics/iran-russia-relations/', 'topics/jcpoa/', 'topics/counterterrorism/',
      'people/ali-akbar-velayati/', 'people/vladimir-putin/', 'people/ali-khamenei/', 'people/hassan-rouhani/', 'people/bahram-qassemi/',
      'organizations/united-nations/',
      ...['ir', 'ru', 'us', 'sy', 'cn', 'gb', 'fr', 'de'].map((c) => `countries/${c}/`),
      'events/jcpoa-concluded/', 'events/us-withdraws-from-jcpoa/', 'events/iran-and-remaining-parties-begin-talks-to-save-jcpoa/', 'events/velayati-meets-putin-in-moscow/',
    ].map((path) => new URL(path, url).href);
    expect(links.sort()).toEqual(expected.sort());
    for (const link of links) {
      const response = await page.goto(link);
      expect(response?.status(), link).toBe(200);
      const back = await page.locator('a[href$="/articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/"]').count();
      expect(back, `${link} links back to the article`).toBeGreaterThan(0);
    }
  });

  it('serves a helpful 404 page', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    const response = await page.goto(new URL('no/such/page/', url).href);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await expect(page.getByRole('searchbox').count()).resolves.toBeGreaterThan(0);
  });
});
