/**
 * Languages in a real browser, over the seed archive plus small Persian and
 * Russian articles (e2e/helpers/languages-fixture.ts): right-to-left layout,
 * Persian chrome and calendars, translation links, and search that finds
 * Persian spelling variants and Russian inflected forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { axeViolations, WCAG_22_AA } from './helpers/axe.ts';
import { buildOnce } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';
import { PERSIAN, PERSIAN_SPACED, RUSSIAN, SEED_ID, writeLanguagesFixture } from './helpers/languages-fixture.ts';
import { codePointsOf } from '../src/lib/build/font-core-subset.ts';

const SEED_TITLE = 'Iran-Russia Ties Strategic, Longstanding: Velayati';
let browser: Browser;
let server: StaticServer;
let contentDir: string;

beforeAll(async () => {
  contentDir = writeLanguagesFixture();
  const build = await buildOnce({ name: 'languages', contentDir });
  server = await serveDir(build.outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (contentDir) rmSync(dirname(contentDir), { recursive: true, force: true });
});

const articleUrl = (id: string) => new URL(`articles/${id}/`, server.url).href;

async function open(path: string, options: { width?: number } = {}) {
  const watched = await openPage(browser, server.origin, options);
  const response = await watched.page.goto(path.startsWith('http') ? path : new URL(path, server.url).href);
  expect(response?.status()).toBe(200);
  return watched;
}

/** Result titles once the search page has answered. */
async function resultTitles(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-status]')?.textContent ?? '';
    return status !== '' && !document.querySelector('[data-results][aria-busy]');
  }, null, { timeout: 30_000 });
  return page.locator('.search-result-title').allTextContents().then((titles) => titles.map((t) => t.trim()));
}

async function search(query: string): Promise<string[]> {
  const { page, errors } = await open(`search/?q=${encodeURIComponent(query)}`);
  const titles = await resultTitles(page);
  expect(errors).toEqual([]);
  return titles;
}

describe('a Persian article', () => {
  it('is laid out right to left: sidebar on the right, "on this page" on the left', async () => {
    const { page, errors, foreignRequests } = await open(articleUrl(PERSIAN.id));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fa');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const [sidebar, content, rail] = [await box('.sidebar'), await box('main .content, main#main'), await box('.rail')];
    expect(sidebar.x).toBeGreaterThanOrEqual(content.x + content.width);
    expect(rail.x + rail.width).toBeLessThanOrEqual(content.x);
    // The header mirrors too: the site name at the right, the search box at the left.
    const [brand, searchBox] = [await box('.site-header .brand'), await box('.header-search')];
    expect(brand.x).toBeGreaterThan(searchBox.x + searchBox.width);
    // Text starts at the right edge of its column.
    const heading = await box('h1');
    expect(Math.abs(heading.x + heading.width - (content.x + content.width))).toBeLessThan(2);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the Solar Hijri date with the Gregorian one, in Persian digits', async () => {
    const { page } = await open(articleUrl(PERSIAN.id));
    const byline = page.locator('.article-header .byline');
    await expect(byline.locator('time[data-calendar="persian"]').first().textContent()).resolves.toBe('۲۱ تیر ۱۳۹۷');
    await expect(byline.locator('time[data-calendar="gregory"]').first().textContent()).resolves.toBe('۱۲ ژوئیهٔ ۲۰۱۸');
    await expect(byline.locator('time').first().getAttribute('datetime')).resolves.toMatch(/^2018-07-12/);
    await expect(byline.textContent()).resolves.toContain('انتشار');
  });

  it('has no English chrome: every Latin word left is a name, isolated in <bdi> or tagged with its language', async () => {
    const { page } = await open(articleUrl(PERSIAN.id));
    const latin = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement!;
        if (element.closest('bdi, script, style, [hidden]')) continue;
        // The article's own words are content, not chrome; what components add inside it is chrome.
        if (element.closest('.prose') && !element.closest('.tl-embed, figcaption')) continue;
        const tagged = element.closest('[lang]')?.getAttribute('lang') ?? '';
        if (!tagged.startsWith('fa')) continue;
        // Text isolated with FSI…PDI is the plain-text form of <bdi>.
        const text = (node.textContent ?? '').replace(/\u2068[^\u2069]*\u2069/g, '');
        if (/[A-Za-z]/.test(text)) found.push(`<${element.tagName.toLowerCase()} class="${element.className}"> ${text.trim()}`);
      }
      return found;
    });
    expect(latin).toEqual([]);
    await expect(page.locator('.site-header nav').textContent()).resolves.toContain('موضوع‌ها');
    await expect(page.locator('.site-footer').textContent()).resolves.toMatch(/کرونیکل/);
    await expect(page.locator('.sidebar summary').textContent()).resolves.toBe('موضوع‌ها');
    await expect(page.locator('.rail h2').textContent()).resolves.toBe('در این صفحه');
  });

  it('loads the self-hosted Persian font, which English pages declare but never download', async () => {
    // The files of a family, from the @font-face rules the page declares (Astro names each family after its own).
    const fontFiles = (page: Page, family: string) => page.evaluate((prefix) => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule && rule.style.getPropertyValue('font-family').replace(/"/g, '').startsWith(prefix))
      .map((rule) => new URL(/url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue('src'))![1]!, location.href).href), family);
    const { page, foreignRequests } = await open(articleUrl(PERSIAN.id));
    await page.evaluate(() => document.fonts.ready);
    const family = await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily);
    expect(family).toMatch(/^"Vazirmatn Variable-[0-9a-f]+"/);
    const loaded = await page.evaluate((first) => document.fonts.check(`16px ${first}`, 'ی'), family.split(',')[0]!);
    expect(loaded).toBe(true);
    expect(foreignRequests).toEqual([]);

    const english = await openPage(browser, server.origin);
    const fontRequests: string[] = [];
    english.page.on('request', (request) => { if (request.resourceType() === 'font') fontRequests.push(request.url()); });
    // The guide: an English page with no Arabic-script text (an article lists its Persian translation, in Vazirmatn).
    await english.page.goto(new URL('guide/', server.url).href);
    await english.page.evaluate(() => document.fonts.ready);
    await expect(english.page.evaluate(() => /[\u0600-\u06FF]/.test(document.body.textContent ?? ''))).resolves.toBe(false);
    const vazirmatn = await fontFiles(english.page, 'Vazirmatn Variable');
    expect(vazirmatn.length).toBeGreaterThan(0);
    expect(fontRequests.length, 'the page loads its own fonts').toBeGreaterThan(0);
    expect(fontRequests.filter((url) => vazirmatn.includes(url))).toEqual([]);
  });

  it('preloads the Latin core faces on an English page; the rest of Latin loads only once the text uses it', async () => {
    const watched = await openPage(browser, server.origin);
    const fontRequests: string[] = [];
    watched.page.on('request', (request) => { if (request.resourceType() === 'font') fontRequests.push(new URL(request.url()).pathname); });
    await watched.page.goto(articleUrl(SEED_ID));
    await watched.page.evaluate(() => document.fonts.ready);
    const { faces, preloaded, text } = await watched.page.evaluate(() => ({
      faces: [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
        // Font files only: the metric-matched fallback faces are local() fonts.
        .filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule && /url\(/.test(rule.style.getPropertyValue('src')))
        .map((rule) => ({
          family: rule.style.getPropertyValue('font-family').replace(/"/g, ''),
          file: new URL(/url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue('src'))![1]!, location.href).pathname,
          range: rule.style.getPropertyValue('unicode-range').split(','),
        })),
      preloaded: [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((link) => new URL(link.href).pathname),
      text: document.body.innerText,
    }));
    const latin = faces.filter((face) => /^(Inter|Source Serif 4) Variable/.test(face.family)).map((face) => ({ ...face, points: codePointsOf(face.range) }));
    const holding = (char: string) => latin.filter((face) => face.points.has(char.codePointAt(0)!)).map((face) => face.file);
    // Two preloaded faces (text and headings), each holding A but not é: the core faces.
    expect(preloaded).toHaveLength(2);
    expect(preloaded.filter((file) => holding('A').includes(file) && !holding('é').includes(file))).toEqual(preloaded);
    const rest = holding('é');
    expect(rest).toHaveLength(2);
    const restPoints = new Set(latin.filter((face) => rest.includes(face.file)).flatMap((face) => [...face.points]));
    // (Control and format characters, line breaks or the zero-width non-joiner in Persian names, draw no glyph.)
    expect([...text].filter((char) => restPoints.has(char.codePointAt(0)!) && !/[\p{Cc}\p{Cf}]/u.test(char))).toEqual([]);
    expect(fontRequests.filter((file) => rest.includes(file))).toEqual([]);
    // A word with é appears: the Latin face holding é is fetched for it.
    await watched.page.evaluate(() => { document.querySelector('.prose p')!.append(' Café.'); });
    await watched.page.evaluate(() => document.fonts.ready);
    await expect.poll(() => fontRequests.filter((file) => rest.includes(file)).length).toBeGreaterThan(0);
    await watched.page.context().close();
  });

  it('passes axe (WCAG 2.2 AA) right to left, at desktop and phone widths', async () => {
    for (const width of [1280, 390]) {
      const { page } = await open(articleUrl(PERSIAN.id), { width });
      // axe-core goes in through the DevTools protocol: the site's CSP refuses injected <script> tags.
      await expect(axeViolations(page, WCAG_22_AA), `width ${width}`).resolves.toEqual([]);
    }
  });
});

describe('translations', () => {
  it('link an article and its translations both ways, each named in its own language', async () => {
    const { page } = await open(articleUrl(PERSIAN.id));
    const toEnglish = page.locator('.translations a[hreflang="en"]');
    await expect(toEnglish.locator('[lang="en"]').first().textContent()).resolves.toBe('English');
    await expect(page.locator('.translations a[hreflang="ru"] [lang="ru"]').first().textContent()).resolves.toBe('русский');
    await toEnglish.click();
    await expect.poll(() => page.url()).toBe(articleUrl(SEED_ID));
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED_TITLE);

    // …and back: the original lists both translations.
    const toPersian = page.locator('.translations a[hreflang="fa"]');
    await expect(toPersian.textContent()).resolves.toContain(PERSIAN.title);
    await expect(page.locator('.translations a[hreflang="ru"]').textContent()).resolves.toContain(RUSSIAN.title);
    await toPersian.click();
    await expect.poll(() => page.url()).toBe(articleUrl(PERSIAN.id));
  });

  it('are announced to search engines with hreflang alternates in <head>', async () => {
    for (const id of [SEED_ID, PERSIAN.id, RUSSIAN.id]) {
      const { page } = await open(articleUrl(id));
      const alternates = await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((links) =>
        Object.fromEntries(links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname])));
      expect(alternates, id).toEqual({
        'en': `/articles/${SEED_ID}/`,
        'fa': `/articles/${PERSIAN.id}/`,
        'ru': `/articles/${RUSSIAN.id}/`,
        'x-default': `/articles/${SEED_ID}/`,
      });
    }
    const { page } = await open(articleUrl(PERSIAN_SPACED.id));
    await expect(page.locator('head link[hreflang]').count()).resolves.toBe(0);
    await expect(page.locator('.translations').count()).resolves.toBe(0);
  });
});

describe('a Russian article', () => {
  it('has Russian chrome and dates, left to right', async () => {
    const { page } = await open(articleUrl(RUSSIAN.id));
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
    await expect(page.locator('.article-header .byline time').first().textContent()).resolves.toBe('12 июля 2018 г.');
    await expect(page.locator('.site-header nav').textContent()).resolves.toContain('Темы');
    await expect(page.locator('.entity-links h2').textContent()).resolves.toBe('В этой статье');
  });
});

describe('search in Persian and Russian', () => {
  it('finds text written with Persian ی and ک from a query typed with Arabic ي and ك', async () => {
    const query = 'همك\u0627ري'; // "cooperation", Arabic kaf and yeh
    expect(query).not.toContain('ی');
    await expect(search(query)).resolves.toEqual([PERSIAN.title]);
  });

  it('finds a ZWNJ-joined word by its spaced spelling, and a spaced word by its ZWNJ spelling', async () => {
    await expect(search('می شود')).resolves.toEqual([PERSIAN.title]); // the page writes می‌شود
    await expect(search('می\u200Cکنند')).resolves.toEqual([PERSIAN_SPACED.title]); // the page writes می کنند
    await expect(search('میشود')).resolves.toEqual([PERSIAN.title]); // and without any joiner
  });

  it('shows Persian excerpts with their zero-width non-joiners', async () => {
    const { page } = await open(`search/?q=${encodeURIComponent('کرملین')}`);
    await expect(resultTitles(page)).resolves.toEqual([PERSIAN.title]);
    const excerpt = await page.locator('.search-result-excerpt').first().textContent();
    expect(excerpt).toContain('می\u200Cشود');
    expect(excerpt).not.toContain('~');
    await expect(page.locator('.search-result').first().evaluate((result) => getComputedStyle(result).direction)).resolves.toBe('rtl');
  });

  it('finds a Russian article by an inflected form of its words', async () => {
    expect(RUSSIAN.file).not.toContain('переговорами');
    await expect(search('переговорами')).resolves.toEqual([RUSSIAN.title]);
    await expect(search('переговоров')).resolves.toEqual([RUSSIAN.title]);
  });

  it('searches the reader\'s language first, with a language facet to widen', async () => {
    // From a Persian page, the header's search stays in Persian…
    const { page } = await open(articleUrl(PERSIAN.id));
    await page.locator('.header-search input[name="q"]').fill('JCPOA');
    await page.locator('.header-search button[type="submit"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('language')).toEqual(['fa']);
    await expect(resultTitles(page)).resolves.toEqual([PERSIAN.title]);

    // …and the facet offers English, which widens the results.
    const english = page.locator('input[data-facet="language"][value="en"]');
    await english.check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('language').sort()).toEqual(['en', 'fa']);
    await expect.poll(() => page.locator('.search-result-title').allTextContents()).toContain(SEED_TITLE);
    expect(await page.locator('.search-result-title').allTextContents()).toContain(PERSIAN.title);
  });

  it('lists results in the reader\'s own language first when no language is chosen', async () => {
    for (const [locale, first] of [['fa-IR', PERSIAN.title], ['en-GB', SEED_TITLE]] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(new URL(`search/?q=JCPOA`, server.url).href);
      const titles = await resultTitles(page);
      expect(titles, locale).toContain(PERSIAN.title);
      expect(titles, locale).toContain(SEED_TITLE);
      const articles = titles.filter((title) => title === PERSIAN.title || title === SEED_TITLE);
      expect(articles[0], locale).toBe(first);
      await context.close();
    }
  });
});
