import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { buildOnce } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';
import { COMMON_WORD, TOPICS, UNIQUE_WORD, writeSearchCorpus, type SearchCorpus } from './helpers/search-corpus.ts';
import { allResults, highlightedOccurrences, highlightedPixels, settled, statusBecomes } from './helpers/search-page.ts';
import { axeViolations } from './helpers/axe.ts';
import { shortcutModuleSrc } from './helpers/page-weight.ts';
import { mayBeSearchable } from '../src/lib/search/indexed-pages.ts';
import { partDir, PARTS_FILE, type PartsManifest } from '../src/lib/search/parts.ts';

const ARTICLE = 'Iran-Russia Ties Strategic, Longstanding: Velayati';
const ARTICLE_PATH = 'articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/';

let browser: Browser;
let corpus: SearchCorpus;
let corpusSite: StaticServer;
let corpusDist: string;

beforeAll(async () => {
  browser = await launchBrowser();
  corpus = writeSearchCorpus(120);
  const build = await buildOnce({ name: 'search-corpus', contentDir: corpus.dir });
  corpusDist = build.outDir;
  corpusSite = await serveDir(build.outDir);
});
afterAll(async () => {
  await corpusSite?.close();
  await browser?.close();
  if (corpus) rmSync(corpus.dir, { recursive: true, force: true });
});

describe('search on the seed archive', () => {
  it('lists the seed article for "Velayati", typed into the header search of an article', async () => {
    const url = inject('seedUrl');
    const { page, foreignRequests, errors } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL(ARTICLE_PATH, url).href);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Velayati');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(new URL('search/?q=Velayati', url).href);

    const status = await statusBecomes(page, /results? for “Velayati”/);
    const links = page.locator('[data-results] a[data-result-link]');
    const titles = await links.allTextContents();
    expect(titles).toContain(ARTICLE);
    expect(status).toBe(`${titles.length} results for “Velayati”`);
    const result = page.locator('[data-results] > li', { hasText: ARTICLE });
    await expect(result.locator('.dateline').textContent()).resolves.toBe('TEHRAN');
    await expect(result.locator('time').textContent()).resolves.toBe('12 July 2018');
    await expect(result.locator('.search-result-excerpt mark').first().textContent()).resolves.toMatch(/^Velayati/);
    // The search box keeps the words and is the one labelled control for them.
    await expect(page.getByLabel('Search the archive').inputValue()).resolves.toBe('Velayati');
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('indexes entity names and aliases, but not navigation, timelines or lists', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    // "Aliakbar" is only written as an alias on Velayati's page.
    await page.goto(new URL('search/?q=Aliakbar', url).href);
    await statusBecomes(page, '1 result for “Aliakbar”');
    await expect(page.locator('a[data-result-link]').allTextContents()).resolves.toEqual(['Ali Akbar Velayati']);
    // "conclude" is on the article page only in its timeline of events: the event is found, the article is not.
    await page.goto(new URL('search/?q=conclude', url).href);
    await statusBecomes(page, /results? for “conclude”/);
    const titles = await page.locator('a[data-result-link]').allTextContents();
    expect(titles).toContain('Iran and the P5+1 conclude the Joint Comprehensive Plan of Action');
    expect(titles).not.toContain(ARTICLE);
    // "Guide" and "Chronicle" are on every page, in the header, navigation and footer only.
    for (const word of ['Guide', 'Chronicle']) {
      await page.goto(new URL(`search/?q=${word}`, url).href);
      await statusBecomes(page, `No results for “${word}”. Try fewer words or another spelling.`);
    }
  });

  it('ships no search JavaScript on reading pages, only the shortcut module; the header form works without it', async () => {
    const url = inject('seedUrl');
    const dist = inject('seedDist');
    for (const page of [ARTICLE_PATH, 'people/ali-akbar-velayati/', 'topics/jcpoa/', '']) {
      const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
      expect(scripts.filter((attrs) => !/type="application\/ld\+json"/.test(attrs)), page).toEqual([` type="module" src="${shortcutModuleSrc(dist)}"`]);
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(request.url()); });
    await page.goto(new URL(ARTICLE_PATH, url).href);
    expect(scripts).toEqual([]);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('nuclear deal');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toBe(new URL('search/?q=nuclear+deal', url).href);
    // The page says why there are no results, and where to browse instead.
    const notice = page.locator('.search-noscript');
    await notice.waitFor({ state: 'visible' });
    await expect(notice.textContent()).resolves.toContain('Search runs in your browser and needs JavaScript.');
    await context.close();
  });

  it('moves through results with the keyboard: / and Ctrl+K focus the box, arrows move, Enter opens', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('search/?q=velayati', url).href);
    await settled(page);
    const input = page.getByLabel('Search the archive');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('id') ?? document.activeElement?.textContent ?? '');

    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focused()).toBe('search-q');
    await expect(input.inputValue()).resolves.toBe('velayati'); // "/" was not typed into the box
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    expect(await focused()).toBe('search-q');

    const titles = await page.locator('a[data-result-link]').allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(titles[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(titles[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('search-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.endsWith('/search/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(titles[0]);
  });

  it('passes axe (WCAG 2.2 AA) with results and facets, light and dark, phone and desktop, and mirrors right to left', async () => {
    const url = inject('seedUrl');
    for (const [width, colorScheme] of [[1280, 'light'], [390, 'dark']] as const) {
      const { page } = await openPage(browser, new URL(url).origin, { width, colorScheme });
      await page.goto(new URL('search/?q=velayati&topic=jcpoa', url).href);
      await settled(page);
      await expect(axeViolations(page), `${width} ${colorScheme}`).resolves.toEqual([]);
    }
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('search/?q=velayati&topic=jcpoa', url).href);
    await settled(page);
    await expect(page.locator('[data-status]').getAttribute('role')).resolves.toBe('status');

    // The same page set right to left: facets move to the right of the results, text aligns right.
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    expect((await box('.search-facets')).x).toBeLessThan((await box('.search-results-area')).x);
    await page.evaluate(() => { document.documentElement.dir = 'rtl'; });
    expect((await box('.search-facets')).x).toBeGreaterThan((await box('.search-results-area')).x);
  });
});

describe('search on a generated archive of 120 articles', () => {
  it('finds exactly the one article containing a word that occurs once', async () => {
    const { page, foreignRequests, errors } = await openPage(browser, corpusSite.origin);
    await page.goto(`${corpusSite.url}search/`);
    await page.getByLabel('Search the archive').pressSequentially(UNIQUE_WORD);
    await statusBecomes(page, `1 result for “${UNIQUE_WORD}”`);
    const results = await allResults(page);
    expect(results.map((r) => r.title)).toEqual([corpus.unique.title]);
    expect(new URL(results[0]!.href, corpusSite.url).pathname).toBe(`/articles/${corpus.unique.id}/`);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('draws results at full strength as they arrive, and says the list is busy until its first page is whole', async () => {
    const { page, errors } = await openPage(browser, corpusSite.origin);
    // Each time the list changes, what a reader (opacity) and a screen reader (aria-busy) were told at that moment.
    await page.addInitScript(() => {
      const seen: { items: number; busy: boolean; opacity: string }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      document.addEventListener('DOMContentLoaded', () => {
        const list = document.querySelector<HTMLElement>('[data-results]')!;
        new MutationObserver(() => seen.push({
          items: list.childElementCount,
          busy: list.getAttribute('aria-busy') === 'true',
          opacity: getComputedStyle(list).opacity,
        })).observe(list, { childList: true });
      });
    });
    await page.goto(`${corpusSite.url}search/?q=${COMMON_WORD}`);
    await statusBecomes(page, `${corpus.articles.length} results for “${COMMON_WORD}”`);
    const seen = await page.evaluate(() => (window as unknown as { seen: { items: number; busy: boolean; opacity: string }[] }).seen);
    const drawn = seen.filter((moment) => moment.items > 0);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.map((moment) => moment.opacity)).toEqual(drawn.map(() => '1'));
    // Busy whenever fewer than a full page (10) is listed; the page's last state is whole and not busy.
    expect(drawn.filter((moment) => moment.items < 10).every((moment) => moment.busy)).toBe(true);
    await expect(page.locator('[data-results] > li').count()).resolves.toBe(10);
    await expect(page.locator('[data-results]').getAttribute('aria-busy')).resolves.toBeNull();
    expect(errors).toEqual([]);
  });

  it('narrows by topic with a count that matches the results shown, OR within the facet', async () => {
    const { page, foreignRequests } = await openPage(browser, corpusSite.origin);
    await page.goto(`${corpusSite.url}search/?q=${COMMON_WORD}`);
    await statusBecomes(page, `${corpus.articles.length} results for “${COMMON_WORD}”`);

    const energy = page.getByRole('checkbox', { name: new RegExp(TOPICS.energy) });
    const count = Number(await page.locator('label', { has: energy }).locator('.count').textContent());
    const expected = corpus.articles.filter((a) => a.topic === 'energy');
    expect(count).toBe(expected.length);
    await energy.check();
    await statusBecomes(page, `${count} results for “${COMMON_WORD}”`);
    expect(page.url()).toBe(`${corpusSite.url}search/?q=${COMMON_WORD}&topic=energy`);
    const shown = await allResults(page);
    expect(shown.map((r) => r.title).sort()).toEqual(expected.map((a) => a.title).sort());

    // Other topics keep their own counts, and choosing one adds its articles (OR).
    const security = page.getByRole('checkbox', { name: new RegExp(TOPICS.security) });
    const more = Number(await page.locator('label', { has: security }).locator('.count').textContent());
    expect(more).toBe(corpus.articles.filter((a) => a.topic === 'security').length);
    await security.check();
    await statusBecomes(page, `${count + more} results for “${COMMON_WORD}”`);
    // Another facet ANDs: one year of those two topics.
    const year = page.getByRole('checkbox', { name: /^2013/ });
    const inYear = Number(await page.locator('label', { has: year }).locator('.count').textContent());
    await year.check();
    await statusBecomes(page, `${inYear} results for “${COMMON_WORD}”`);
    const dates = (await allResults(page)).map((r) => r.date!);
    expect(dates.every((d) => d.startsWith('2013'))).toBe(true);
    expect(inYear).toBe(corpus.articles.filter((a) => ['energy', 'security'].includes(a.topic) && a.pubDate.startsWith('2013')).length);
    expect(foreignRequests).toEqual([]);
  });

  it('sorts by newest and by oldest publication date', async () => {
    const { page } = await openPage(browser, corpusSite.origin);
    await page.goto(`${corpusSite.url}search/?q=${COMMON_WORD}&topic=diplomacy`);
    const expected = corpus.articles.filter((a) => a.topic === 'diplomacy').map((a) => a.pubDate).sort();
    await statusBecomes(page, `${expected.length} results for “${COMMON_WORD}”`);

    await page.getByLabel('Sort').selectOption('newest');
    await expect.poll(() => page.url()).toContain('sort=newest');
    await settled(page);
    const newest = (await allResults(page)).map((r) => r.date!.slice(0, 10));
    expect(newest).toEqual([...expected].reverse());

    await page.getByLabel('Sort').selectOption('oldest');
    await expect.poll(() => page.url()).toContain('sort=oldest');
    await settled(page);
    const oldest = (await allResults(page)).map((r) => r.date!.slice(0, 10));
    expect(oldest).toEqual(expected);
  });

  it('keeps query, facets and sort in the URL: reload, a shared link and back/forward restore them', async () => {
    const { page } = await openPage(browser, corpusSite.origin);
    await page.goto(`${corpusSite.url}search/`);
    await page.getByLabel('Search the archive').pressSequentially(COMMON_WORD);
    await statusBecomes(page, `${corpus.articles.length} results for “${COMMON_WORD}”`);
    await page.getByRole('checkbox', { name: new RegExp(TOPICS.economy) }).check();
    await statusBecomes(page, /^30 results/);
    await page.getByLabel('Sort').selectOption('oldest');
    await expect.poll(() => page.url()).toBe(`${corpusSite.url}search/?q=${COMMON_WORD}&topic=economy&sort=oldest`);
    await settled(page);
    const before = await allResults(page);

    const restored = async () => {
      await settled(page);
      return {
        q: await page.getByLabel('Search the archive').inputValue(),
        economy: await page.getByRole('checkbox', { name: new RegExp(TOPICS.economy) }).isChecked(),
        sort: await page.getByLabel('Sort').inputValue(),
        results: await allResults(page),
      };
    };
    const full = { q: COMMON_WORD, economy: true, sort: 'oldest', results: before };
    await page.reload();
    expect(await restored()).toEqual(full);

    // A shared link opened in a fresh tab.
    const other = await openPage(browser, corpusSite.origin);
    await other.page.goto(page.url());
    await settled(other.page);
    expect(await allResults(other.page)).toEqual(before);

    // Back: sort undone, then the topic; forward redoes them. Typing made a single entry.
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${corpusSite.url}search/?q=${COMMON_WORD}&topic=economy`);
    await expect(restored().then((r) => r.sort)).resolves.toBe('relevance');
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${corpusSite.url}search/?q=${COMMON_WORD}`);
    await statusBecomes(page, `${corpus.articles.length} results for “${COMMON_WORD}”`);
    expect(await page.getByRole('checkbox', { name: new RegExp(TOPICS.economy) }).isChecked()).toBe(false);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${corpusSite.url}search/`);
    await expect(page.getByLabel('Search the archive').inputValue()).resolves.toBe('');
    await page.goForward();
    await page.goForward();
    await page.goForward();
    await expect.poll(() => page.url()).toBe(`${corpusSite.url}search/?q=${COMMON_WORD}&topic=economy&sort=oldest`);
    expect(await restored()).toEqual(full);
  });

  it('highlights the searched word on the article a result opens, without script on that page (but the shortcut)', async () => {
    const { page, foreignRequests } = await openPage(browser, corpusSite.origin);
    const scripts: string[] = [];
    await page.goto(`${corpusSite.url}search/?q=${UNIQUE_WORD}`);
    await statusBecomes(page, `1 result for “${UNIQUE_WORD}”`);
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(request.url()); });
    await page.locator('a[data-result-link]').click();
    await page.waitForURL((u) => u.pathname === `/articles/${corpus.unique.id}/`);
    await page.waitForLoadState('load');
    expect(scripts).toEqual([new URL(shortcutModuleSrc(corpusDist), corpusSite.url).href]);
    // The word is scrolled into view and painted in the highlight colour.
    await expect.poll(() => highlightedPixels(page)).toBeGreaterThan(200);
    const word = page.locator('.prose p', { hasText: UNIQUE_WORD });
    expect(await word.isVisible()).toBe(true);

    // The same page opened normally shows no highlight.
    await page.goto(`${corpusSite.url}articles/${corpus.unique.id}/`);
    await page.locator('.prose p', { hasText: UNIQUE_WORD }).scrollIntoViewIfNeeded();
    expect(await highlightedPixels(page)).toBe(0);
    expect(foreignRequests).toEqual([]);
  });

  it('highlights every occurrence of the searched word in the article, not only the first', async () => {
    const url = inject('seedUrl');
    const { page, foreignRequests } = await openPage(browser, new URL(url).origin);
    const scripts: string[] = [];
    await page.goto(new URL('search/?q=Velayati', url).href);
    await statusBecomes(page, /results? for “Velayati”/);
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(request.url()); });
    await page.locator('a[data-result-link]', { hasText: ARTICLE }).click();
    await page.waitForURL((u) => u.pathname.endsWith(`/${ARTICLE_PATH}`));
    await page.waitForLoadState('load');
    expect(scripts).toEqual([new URL(shortcutModuleSrc(inject('seedDist')), url).href]);
    // The seed article names Velayati in several paragraphs of its body; each one is painted.
    await expect.poll(async () => (await highlightedOccurrences(page, '.prose', 'Velayati')).filter((o) => !o.highlighted)).toEqual([]);
    expect((await highlightedOccurrences(page, '.prose', 'Velayati')).length).toBeGreaterThanOrEqual(4);
    // Other words are not: the body's first paragraph, which does not name him, has no highlight.
    const untouched = await highlightedOccurrences(page, '.prose', 'Tasnim');
    expect(untouched.length).toBeGreaterThan(0);
    expect(untouched.every((o) => !o.highlighted)).toBe(true);
    expect(foreignRequests).toEqual([]);
  });
});

/** Site paths of the built pages that mark searchable content. */
function markedPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && !entry.parentPath.startsWith(join(dist, 'pagefind')))
    .filter((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8').includes('data-pagefind-body'))
    .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')}`.replace(/index\.html$/, ''));
}

/** Pages in the built index, over all its parts and languages. */
function indexedCount(dist: string): number {
  const bundle = join(dist, 'pagefind');
  const parts = existsSync(join(bundle, PARTS_FILE)) ? (JSON.parse(readFileSync(join(bundle, PARTS_FILE), 'utf8')) as PartsManifest).parts.map((p) => p.path) : [];
  return [partDir(0), ...parts].reduce((sum, part) => {
    const entry = JSON.parse(readFileSync(join(bundle, part, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return sum + Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);
  }, 0);
}

describe('the search index', () => {
  it('holds every page that marks searchable content, and only those', () => {
    for (const dist of [inject('seedDist'), corpusDist]) {
      const marked = markedPages(dist);
      expect(marked.length).toBeGreaterThan(10);
      // The indexer reads only the pages whose paths may be searchable (src/lib/search/indexed-pages.ts).
      expect(marked.filter((path) => !mayBeSearchable(path))).toEqual([]);
      expect(indexedCount(dist)).toBe(marked.length);
    }
  });
});

describe('search under a base path', () => {
  it('loads its index and links results under CHRONICLE_BASE', async () => {
    const build = await buildOnce({ name: 'search-base', base: '/chronicle/' });
    const site = await serveDir(build.outDir, '/chronicle/');
    try {
      const { page, foreignRequests, errors } = await openPage(browser, site.origin);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${site.url}${ARTICLE_PATH}`);
      await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Velayati');
      await page.keyboard.press('Enter');
      await statusBecomes(page, /results? for “Velayati”/);
      const article = page.locator('a[data-result-link]', { hasText: ARTICLE });
      expect(new URL((await article.getAttribute('href'))!, site.url).pathname).toBe(`/chronicle/${ARTICLE_PATH}`);
      expect(requests.filter((p) => p.includes('pagefind')).every((p) => p.startsWith('/chronicle/pagefind/'))).toBe(true);
      expect(requests.some((p) => p.startsWith('/chronicle/pagefind/'))).toBe(true);
      await article.click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ARTICLE);
      expect(foreignRequests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await site.close();
    }
  });
});
