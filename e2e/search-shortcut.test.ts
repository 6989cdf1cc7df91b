import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { templatePages } from './helpers/templates.ts';
import { fileFor } from './helpers/crawl.ts';
import { pageWeight } from './helpers/page-weight.ts';

/**
 * `/` and Ctrl/Cmd+K focus the header search box from any page (issue 17),
 * through one small module (src/client/search/shortcut.ts); the search page's
 * switch that turns `/` off applies everywhere; without JavaScript the box is
 * the plain form it always was.
 */

const ARTICLE_PATH = 'articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/';
let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the keyboard shortcut to search', () => {
  it('is the one script of every template but the search page, which adds its own', () => {
    const dist = inject('seedDist');
    const pages = templatePages(dist, 'velayati');
    const scripts = new Map(pages.map((p) => [p.template, pageWeight(dist, fileFor(dist, `/${p.path.split('?')[0]}`, '/') ?? fileFor(dist, '/404.html', '/')!).scripts]));
    const shortcut = scripts.get('article')!;
    expect(shortcut).toHaveLength(1);
    for (const [template, loaded] of scripts) {
      if (template.startsWith('search')) expect(loaded.slice(0, 1), template).toEqual(shortcut);
      else expect(loaded, template).toEqual(shortcut);
    }
  });

  it('/ and Ctrl+K focus the header box of an article, whose placeholder names the key', async () => {
    const url = inject('seedUrl');
    const { page, errors } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL(ARTICLE_PATH, url).href);
    const box = page.locator('#site-search');
    await expect.poll(() => box.getAttribute('placeholder')).toBe('Search (/)');

    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focusedId(page)).toBe('site-search');
    await expect(box.inputValue()).resolves.toBe(''); // the "/" was not typed
    await page.keyboard.type('a/b'); // in the box, "/" is a character
    await expect(box.inputValue()).resolves.toBe('a/b');

    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    expect(await focusedId(page)).toBe('site-search');
    // The text is selected, so typing replaces the last search.
    await page.keyboard.type('velayati');
    await expect(box.inputValue()).resolves.toBe('velayati');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('turned off on the search page, / no longer searches on any page; Ctrl+K still does', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('search/', url).href);
    const toggle = page.locator('[data-slash-toggle]');
    await expect(toggle.textContent()).resolves.toBe('Turn off the / shortcut');
    await toggle.click();
    await expect(toggle.textContent()).resolves.not.toBe('Turn off the / shortcut');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focusedId(page)).not.toBe('search-q');

    await page.goto(new URL(ARTICLE_PATH, url).href);
    await expect.poll(() => page.locator('#site-search').getAttribute('placeholder')).toBe('Search (Ctrl+K)');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focusedId(page)).not.toBe('site-search');
    await page.keyboard.press('Control+k');
    expect(await focusedId(page)).toBe('site-search');

    // Turned on again, / works again.
    await page.goto(new URL('search/', url).href);
    await toggle.click();
    await page.goto(new URL(ARTICLE_PATH, url).href);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focusedId(page)).toBe('site-search');
    await page.context().close();
  });

  it('without JavaScript, an article is as before: no hint, and the box searches on the search page', async () => {
    const url = inject('seedUrl');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(ARTICLE_PATH, url).href);
    const box = page.locator('#site-search');
    await expect(box.getAttribute('placeholder')).resolves.toBe('Search');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focusedId(page)).not.toBe('site-search');
    await box.fill('velayati');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(new URL('search/?q=velayati', url).href);
    await context.close();
  });
});
