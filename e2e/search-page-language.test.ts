import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOnce } from './helpers/site.ts';
import { openPage } from './helpers/browser.ts';
import { serveForFile } from './helpers/served-site.ts';
import { settled, statusBecomes } from './helpers/search-page.ts';
import { axeViolations } from './helpers/axe.ts';
import { PERSIAN, writeLanguagesFixture } from './helpers/languages-fixture.ts';
import { ui } from '../src/lib/core/i18n/index.ts';

/**
 * The search page speaks the reader's language: a reader of a Persian page
 * who searches from its header lands on /search/fa/, whose labels, sort
 * names, facet names, counts, result kinds and announcements are Persian and
 * which reads right to left; Russian has its own page, English stays at /search/.
 */

const fixture = writeLanguagesFixture();
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'languages', contentDir: fixture });
const site = serveForFile(build.outDir);
const fa = ui('fa');
const persianDigits = /^[۰-۹]+$/;

async function open(path: string, colorScheme: 'light' | 'dark' = 'light') {
  const watched = await openPage(site.browser, site.server.origin, { colorScheme });
  await watched.page.goto(new URL(path, site.server.url).href);
  return watched;
}

describe('a Persian reader', () => {
  it('searches from a Persian article into the Persian search page, right to left, with Persian chrome and results', async () => {
    const { page, errors, cspViolations } = await open(`articles/${PERSIAN.id}/`);
    // The date as the article's byline gives it: Solar Hijri, then Gregorian in brackets.
    const bylineDate = (await page.locator('.byline .calendar-dates').first().textContent())!.replace(/\s+/g, ' ').trim();
    expect(bylineDate).toMatch(/^[^()]+ \([^()]+\)$/);
    await page.locator('.header-search input[name="q"]').fill('کرملین');
    await page.locator('.header-search button[type="submit"]').click();
    await page.waitForURL(/\/search\/fa\/\?/);
    expect(new URL(page.url()).searchParams.get('language')).toBe('fa');

    await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['fa', 'rtl']);
    await expect(page.locator('h1').textContent()).resolves.toBe(fa.searchTitle);
    await expect(page.locator('label[for="search-q"]').textContent()).resolves.toBe(fa.searchLabel);
    await expect(page.locator('label[for="search-sort"]').textContent()).resolves.toBe(fa.searchSort);
    await expect(page.locator('#search-sort option').allTextContents()).resolves.toEqual([fa.sortRelevance, fa.sortNewest, fa.sortOldest]);
    await expect(page.locator('.search-form button[type="submit"]').textContent()).resolves.toBe(fa.searchButton);
    await expect(page.locator('#search-results-title').textContent()).resolves.toBe(fa.searchResults);

    // The live region announces in Persian, with Persian digits.
    await statusBecomes(page, fa.searchResultsOne.replace('{q}', 'کرملین'));
    await expect(page.locator('.search-result-title').allTextContents()).resolves.toEqual([PERSIAN.title]);
    // The result is dated as the article is: both calendars, in Persian digits.
    await expect(page.locator('.search-result-date').textContent().then((t) => t!.replace(/\s+/g, ' ').trim())).resolves.toBe(bylineDate);

    // Facets: Persian names, Persian digits.
    await expect(page.locator('#search-refine').textContent()).resolves.toContain(fa.searchRefine);
    const legends = await page.locator('[data-facets] legend').allTextContents();
    expect(legends).toContain(fa.facetLanguage);
    expect(legends).toContain(fa.facetYear);
    for (const count of await page.locator('[data-facets] .count').allTextContents()) expect(count).toMatch(persianDigits);
    await expect(page.locator('input[data-facet="year"][value="2018"] + .facet-label').textContent()).resolves.toBe('۲۰۱۸');
    await expect(page.locator('input[data-facet="language"][value="fa"] + .facet-label').textContent()).resolves.toBe('فارسی');
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('reads "no results" and entity kinds in Persian too', async () => {
    const { page } = await open(`search/fa/?q=${encodeURIComponent('زززز')}`);
    await expect(statusBecomes(page, fa.searchResultsNone.replace('{q}', 'زززز'))).resolves.toBeTruthy();
    await page.locator('#search-q').fill('Velayati');
    await statusBecomes(page, /[۰-۹]+ نتیجه/);
    const kinds = await page.locator('.search-result-kind').allTextContents();
    expect(kinds).toContain(fa.people);
    expect(kinds).not.toContain(ui('en').people);
    await page.context().close();
  });

  it('fits a phone screen: nothing wider than 390 px, the search button fully on screen', async () => {
    const { page } = await openPage(site.browser, site.server.origin, { width: 390 });
    await page.goto(new URL(`search/fa/?q=${encodeURIComponent('ولایتی')}`, site.server.url).href);
    await settled(page);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    const button = await page.locator('.search-form button[type="submit"]').boundingBox();
    expect(button!.x).toBeGreaterThanOrEqual(0);
    expect(button!.x + button!.width).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('the Persian search page with results passes axe (%s)', async (scheme) => {
    const { page } = await open(`search/fa/?q=${encodeURIComponent('ولایتی')}`, scheme);
    await settled(page);
    expect(await page.locator('[data-results] > li').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the other languages', () => {
  it('Russian readers get /search/ru/, English readers /search/, each linking to the others', async () => {
    const ru = await open('search/ru/');
    await expect(ru.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['ru', 'ltr']);
    await expect(ru.page.locator('h1').textContent()).resolves.toBe(ui('ru').searchTitle);
    await expect(ru.page.locator('[data-status]').textContent()).resolves.toBe(ui('ru').searchPrompt);
    await ru.page.context().close();

    const en = await open('search/');
    await expect(en.page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(en.page.locator('h1').textContent()).resolves.toBe(ui('en').searchTitle);
    const links = await en.page.locator('.search-languages a').evaluateAll((as) => as.map((a) => [a.getAttribute('lang'), new URL((a as HTMLAnchorElement).href).pathname]));
    expect(links).toEqual([['fa', '/search/fa/'], ['ru', '/search/ru/']]);
    // Search engines learn the same.
    const alternates = await en.page.locator('head link[rel="alternate"][hreflang]').evaluateAll((ls) =>
      Object.fromEntries(ls.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname])));
    expect(alternates).toEqual({ 'en': '/search/', 'fa': '/search/fa/', 'ru': '/search/ru/', 'x-default': '/search/' });
    await en.page.context().close();
  });
});
