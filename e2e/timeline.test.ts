import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';
import { shortcutModuleSrc } from './helpers/page-weight.ts';
import { buildOnce } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const ARTICLE = 'Iran-Russia Ties Strategic, Longstanding: Velayati';
const ARTICLE_PATH = 'articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/';
const EVENTS = {
  'jcpoa-concluded': 'Iran and the P5+1 conclude the Joint Comprehensive Plan of Action',
  'iran-and-remaining-parties-begin-talks-to-save-jcpoa': 'Iran and the remaining parties begin talks to save the JCPOA',
  'us-withdraws-from-jcpoa': 'The United States withdraws from the JCPOA',
  'velayati-meets-putin-in-moscow': 'Velayati meets Putin in Moscow',
};

/** The timeline entry (list item) whose title links to `path`. */
const entryLinking = (scope: Locator, path: string) => scope.locator('li.tl-entry').filter({ has: scope.page().locator(`a.tl-title[href$="/${path}"]`) });

/** Titles of the entries in a timeline, in document order. */
const entryTitles = (scope: Locator) => scope.locator('li.tl-entry .tl-title').allTextContents();

describe('timelines on the seed archive', () => {
  it('/timeline/2015/ shows a year-precision event as "2015", never as a day or a month', async () => {
    const url = inject('seedUrl');
    const { page, errors } = await openPage(browser, new URL(url).origin);
    const response = await page.goto(new URL('timeline/2015/', url).href);
    expect(response?.status()).toBe(200);
    const entry = entryLinking(page.locator('main'), 'events/jcpoa-concluded/');
    await expect(entry.count()).resolves.toBe(1);
    const time = entry.locator('time');
    await expect(time.textContent()).resolves.toBe('2015');
    await expect(time.getAttribute('datetime')).resolves.toBe('2015');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('1 January 2015');
    expect(text).not.toContain('January 2015');
    // The entry links to the article that reports it.
    await expect(entry.getByRole('link', { name: ARTICLE }).getAttribute('href')).resolves.toMatch(new RegExp(`/${ARTICLE_PATH}$`));
    expect(errors).toEqual([]);
  });

  it('/timeline/ shows the years with counts and a chart, and leads to each year', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('timeline/', url).href);
    const years = page.locator('.tl-years a');
    await expect(years.allInnerTexts()).resolves.toEqual(['2015\nEvents 1 · Articles 0', '2018\nEvents 3 · Articles 1']);
    await expect(page.locator('[id="2018"]').getAttribute('href')).resolves.toMatch(/\/timeline\/2018\/$/);
    const chart = page.getByRole('img', { name: /Events and articles per month, January 2015 to December 2018; busiest: (May|July) 2018 \(2\)/ });
    await expect(chart.count()).resolves.toBe(1);
    await expect(page.locator('.density rect').count()).resolves.toBeGreaterThan(0);

    await years.filter({ hasText: '2018' }).click();
    await expect.poll(() => page.url()).toBe(new URL('timeline/2018/', url).href);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('2018');
    // Grouped by month, with anchors, in order; the month-only event before the dated ones of May.
    await expect(page.locator('main h2.tl-group-heading').evaluateAll((hs) => hs.map((h) => `${h.id} ${h.textContent}`)))
      .resolves.toEqual(['2018-05 May 2018', '2018-07 July 2018']);
    await expect(entryTitles(page.locator('main'))).resolves.toEqual([
      EVENTS['iran-and-remaining-parties-begin-talks-to-save-jcpoa'], EVENTS['us-withdraws-from-jcpoa'], ARTICLE, EVENTS['velayati-meets-putin-in-moscow'],
    ]);
    await expect(page.locator('main li.tl-entry time').allTextContents()).resolves.toEqual(['May 2018', '8 May 2018', '12 July 2018', '12 July 2018']);
    await expect(page.locator('main li.tl-entry time').first().getAttribute('datetime')).resolves.toBe('2018-05');
    await page.getByRole('link', { name: /Earlier: 2015/ }).click();
    await expect.poll(() => page.url()).toBe(new URL('timeline/2015/', url).href);
  });

  it('/topics/jcpoa/ lists the US withdrawal before Velayati\'s meeting with Putin', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('topics/jcpoa/', url).href);
    const timeline = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: /^Timeline/ }) });
    const titles = await entryTitles(timeline);
    expect(titles).toContain(EVENTS['us-withdraws-from-jcpoa']);
    expect(titles).toContain(EVENTS['velayati-meets-putin-in-moscow']);
    expect(titles.indexOf(EVENTS['us-withdraws-from-jcpoa'])).toBeLessThan(titles.indexOf(EVENTS['velayati-meets-putin-in-moscow']));
    expect(titles).toEqual([EVENTS['jcpoa-concluded'], EVENTS['iran-and-remaining-parties-begin-talks-to-save-jcpoa'], EVENTS['us-withdraws-from-jcpoa'], ARTICLE, EVENTS['velayati-meets-putin-in-moscow']]);
    // Year headings are anchors.
    await expect(timeline.locator('h3#\\32 015, h3#\\32 018').count()).resolves.toBe(2);
    await expect(timeline.getByRole('img', { name: /Events and articles per month/ }).count()).resolves.toBe(1);
    // The timeline is an ordered list, and every <time> carries the ISO value at its precision.
    await expect(timeline.locator('ol.tl > li').count()).resolves.toBe(5);
    await expect(timeline.locator('li.tl-entry time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime'))))
      .resolves.toEqual(['2015', '2018-05', '2018-05-08', '2018-07-12', '2018-07-12']);
  });

  it("Velayati's page links the article and the meeting event, and who he is mentioned with", async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('people/ali-akbar-velayati/', url).href);
    const timeline = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: /^Timeline/ }) });
    const meeting = timeline.getByRole('link', { name: EVENTS['velayati-meets-putin-in-moscow'] });
    await expect(meeting.getAttribute('href')).resolves.toMatch(/\/events\/velayati-meets-putin-in-moscow\/$/);
    const article = timeline.locator('li.tl-article').getByRole('link', { name: ARTICLE });
    await expect(article.getAttribute('href')).resolves.toMatch(new RegExp(`/${ARTICLE_PATH}$`));
    await expect(entryLinking(timeline, 'events/velayati-meets-putin-in-moscow/').locator('time').textContent()).resolves.toBe('12 July 2018');

    const mentioned = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Often mentioned with' }) });
    await expect(mentioned.getByRole('link', { name: 'Vladimir Putin' }).count()).resolves.toBe(1);
    await expect(mentioned.getByRole('link', { name: 'Russia' }).count()).resolves.toBe(1);

    await meeting.click();
    await expect.poll(() => page.url()).toMatch(/\/events\/velayati-meets-putin-in-moscow\/$/);
    await page.locator('.facts').getByRole('link', { name: '2018' }).click();
    await expect.poll(() => page.url()).toBe(new URL('timeline/2018/#2018-07', url).href);
  });

  it("the article's Timeline section shows its events, the article marked at its date", async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL(ARTICLE_PATH, url).href);
    const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Timeline' }) });
    for (const [id, title] of Object.entries(EVENTS)) {
      await expect(section.getByRole('link', { name: title }).getAttribute('href'), id).resolves.toMatch(new RegExp(`/events/${id}/$`));
    }
    const current = section.locator('li[aria-current="page"]');
    await expect(current.innerText()).resolves.toMatch(/^12 July 2018\s+This article\s+Iran-Russia Ties Strategic/i);
    await expect(current.locator('a').count()).resolves.toBe(0);
    // In date order, the article between the US withdrawal and the meeting (same day, by title).
    await expect(entryTitles(section)).resolves.toEqual([EVENTS['jcpoa-concluded'], EVENTS['iran-and-remaining-parties-begin-talks-to-save-jcpoa'], EVENTS['us-withdraws-from-jcpoa'], ARTICLE, EVENTS['velayati-meets-putin-in-moscow']]);
    await expect(section.getByRole('link', { name: /Full timeline/ }).getAttribute('href')).resolves.toMatch(/\/topics\/iran-russia-relations\/#timeline$/);
  });

  it('/archive/ and /archive/2018/ list the articles by month', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('archive/', url).href);
    await page.getByRole('link', { name: 'July 2018' }).click();
    await expect.poll(() => page.url()).toBe(new URL('archive/2018/#2018-07', url).href);
    const july = page.locator('section').filter({ has: page.locator('h2#\\32 018-07') });
    await expect(july.getByRole('link', { name: ARTICLE }).count()).resolves.toBe(1);
    await expect(july.locator('li time').first().getAttribute('datetime')).resolves.toMatch(/^2018-07-12/);
  });

  it('timeline pages pass axe and ship no script but the shortcut module, in light and dark, at phone and desktop widths', async () => {
    const url = inject('seedUrl');
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [390, 1280]) {
        const { page, foreignRequests, errors } = await openPage(browser, new URL(url).origin, { colorScheme, width });
        for (const path of ['timeline/', 'timeline/2018/', 'topics/jcpoa/', 'people/ali-akbar-velayati/', ARTICLE_PATH, 'archive/', 'archive/2018/', '']) {
          await page.goto(new URL(path, url).href);
          // Contrast depends on the scheme, reflow on the width: axe runs on two of the four combinations.
          if ((colorScheme === 'light') === (width === 1280)) expect(await axeViolations(page), `${path} ${colorScheme} ${width}`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} fits ${width}px`).toBeLessThanOrEqual(0);
        }
        expect(foreignRequests).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }
    const { page } = await openPage(browser, new URL(url).origin);
    const shortcut = `<script type="module" src="${shortcutModuleSrc(inject('seedDist'))}"></script>`;
    for (const path of ['timeline/', 'timeline/2015/', 'topics/jcpoa/', 'archive/2018/']) {
      const html = (await (await page.goto(new URL(path, url).href))!.text()).replace(shortcut, '');
      expect(html, path).not.toMatch(/<script\b(?![^>]*type="application\/ld\+json")/i); // structured data is not a script that runs
      expect(html, path).not.toMatch(/\sstyle="/i);
    }
  });
});

describe('On this day', () => {
  let server: StaticServer;
  beforeAll(async () => {
    const build = await buildOnce({ name: 'timeline-on-this-day', env: { CHRONICLE_BUILD_DATE: '2026-07-12' } });
    server = await serveDir(build.outDir);
  });
  afterAll(async () => { await server?.close(); });

  it('lists what happened on the build date in earlier years and says which date that was', async () => {
    const { page } = await openPage(browser, server.origin);
    await page.goto(server.url);
    const box = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'On this day' }) });
    await expect(box.locator('.tl-footnote time').getAttribute('datetime')).resolves.toBe('2026-07-12');
    await expect(box.locator('.tl-footnote').innerText()).resolves.toContain('Computed for 12 July 2026');
    await expect(entryTitles(box)).resolves.toEqual([ARTICLE, EVENTS['velayati-meets-putin-in-moscow']]);
    await expect(box.getByRole('link', { name: '2018' }).getAttribute('href')).resolves.toMatch(/\/timeline\/2018\/$/);
  });

  it('says so when nothing happened on that day', async () => {
    const build = await buildOnce({ name: 'timeline-on-another-day', env: { CHRONICLE_BUILD_DATE: '2026-05-09' } });
    const other = await serveDir(build.outDir);
    try {
      const { page } = await openPage(browser, other.origin);
      await page.goto(other.url);
      const box = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'On this day' }) });
      await expect(box.innerText()).resolves.toContain('Nothing in the archive happened on this day in earlier years.');
      await expect(box.locator('.tl-footnote time').textContent()).resolves.toBe('9 May 2026');
      await expect(box.locator('li.tl-entry').count()).resolves.toBe(0);
    } finally {
      await other.close();
    }
  });
});
