import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { buildOnce, buildSite } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';
import { crawl } from './helpers/crawl.ts';
import { directoryMismatches, lastmodMismatches, sitemapLastmod } from './helpers/sitemap-dates.ts';
import { axeViolations } from './helpers/axe.ts';
import { normalizeSite } from '../src/lib/build/deployment.ts';
import { addDirectoryPeople, commitOnly, writeTimelineCorpus, type TimelineCorpus } from './helpers/timeline-corpus.ts';
import { makeContentTree, md, removeContentTrees } from '../tests/fixtures/content-tree.ts';
import {
  ARCHIVE_PAGE_SIZE, EMBED_LIMIT, ENTITY_TIMELINE_LIMIT, SOURCES_SHOWN, TIMELINE_PAGE_SIZE,
} from '../src/lib/model/timeline-pages.ts';
import { PAGE_SIZE } from '../src/lib/routes/site-urls.ts';

let browser: Browser;
let server: StaticServer;
let corpus: TimelineCorpus;
let dist: string;
const EDITED = '2026-02-03T10:00:00Z';
const LATER = '2026-02-20T10:00:00Z';
/** Names Brazil (on the second of its two pages, in its timeline shown whole) and no person. */
const EDITED_ARTICLE = 'articles/2019/02/generated-11.md';

beforeAll(async () => {
  corpus = writeTimelineCorpus();
  // A second page of people, and an old article naming Brazil edited later.
  const { lastPerson } = addDirectoryPeople(corpus.dir);
  commitOnly(corpus.dir, [EDITED_ARTICLE], EDITED);
  commitOnly(corpus.dir, [lastPerson], LATER);
  const build = await buildOnce({ name: 'timeline-corpus', contentDir: corpus.dir, env: { CHRONICLE_BUILD_DATE: '2026-03-04' } });
  dist = build.outDir;
  server = await serveDir(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeContentTrees();
  if (corpus) rmSync(corpus.dir, { recursive: true, force: true });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name === 'index.html' ? [full] : [];
  });
}

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

/** Titles of the timeline entries on a page, in order. */
const titlesOn = (page: Page) => page.locator('main li.tl-entry .tl-title').allTextContents();

/** Every page of a paginated listing, following its "Later" links. */
async function allPages(page: Page, url: string): Promise<string[][]> {
  const pages: string[][] = [];
  let next: string | null = url;
  while (next) {
    await page.goto(next);
    pages.push(await titlesOn(page));
    const later = page.locator('nav.pagination a[rel="next"]');
    next = (await later.count()) > 0 ? new URL((await later.getAttribute('href'))!, page.url()).href : null;
  }
  return pages;
}

describe('timelines on a generated archive of a few hundred articles', () => {
  it('keeps every timeline, entity and archive page within its page size', () => {
    const sections = ['timeline', 'archive', 'topics', 'people', 'organizations', 'countries', 'events'];
    const pages = sections.flatMap((section) => htmlFiles(join(dist, section)));
    expect(pages.length).toBeGreaterThan(50);
    const largest = new Map<string, number>();
    for (const file of pages) {
      const path = relative(dist, file);
      const html = readFileSync(file, 'utf8');
      const entries = count(html, /class="tl-entry\b/g);
      expect(entries, path).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
      // An entity's own page shows its whole timeline only while it is short.
      if (/^(topics|people|organizations|countries)\/[^/]+\/index\.html$/.test(path)) expect(entries, path).toBeLessThanOrEqual(ENTITY_TIMELINE_LIMIT);
      expect(count(html, /class="article-list-title/g), path).toBeLessThanOrEqual(PAGE_SIZE);
      const archiveList = html.match(/<ol class="archive-month-list">[\s\S]*?<\/ol>/g) ?? [];
      expect(archiveList.reduce((n, list) => n + count(list, /<li\b/g), 0), path).toBeLessThanOrEqual(ARCHIVE_PAGE_SIZE);
      for (const sources of html.match(/<div class="tl-sources">[\s\S]*?<\/div>/g) ?? []) {
        expect(count(sources, /<a\b/g), path).toBeLessThanOrEqual(SOURCES_SHOWN + 1);
      }
      const kind = path.split('/')[0]!;
      largest.set(kind, Math.max(largest.get(kind) ?? 0, html.length));
    }
    // A generous constant: what matters is that it does not depend on the number of articles.
    for (const [kind, size] of largest) expect(size, kind).toBeLessThan(250_000);
  });

  it('shows every entry exactly once across the year pages of the site-wide timeline', async () => {
    const { page } = await openPage(browser, server.origin);
    await page.goto(new URL('timeline/', server.url).href);
    const yearLinks = await page.locator('.tl-years a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(yearLinks.map((href) => new URL(href).pathname)).toEqual(['/timeline/2019/', '/timeline/2020/', '/timeline/2021/']);
    const seen: string[] = [];
    let paginated = 0;
    for (const link of yearLinks) {
      const pages = await allPages(page, link);
      if (pages.length > 1) paginated += 1;
      for (const titles of pages) {
        expect(titles.length).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
        seen.push(...titles);
      }
    }
    expect(paginated).toBeGreaterThan(0);
    expect(seen.length).toBe(corpus.titles.length);
    expect([...seen].sort()).toEqual([...corpus.titles].sort());
  });

  /**
   * Opens a long entity timeline: the entity page shows its chart and years,
   * never the entries; following "Later" from the first year's page shows
   * every entry exactly once. Returns the pages walked and the year links.
   */
  async function walkEntityTimeline(page: Page, entityPath: string) {
    await page.goto(new URL(entityPath, server.url).href);
    const heading = await page.getByRole('heading', { level: 2, name: /^Timeline/ }).textContent();
    const total = Number(/\((\d+)\)/.exec(heading ?? '')?.[1]);
    expect(total).toBeGreaterThan(ENTITY_TIMELINE_LIMIT);
    await expect(page.locator('main li.tl-entry').count()).resolves.toBe(0);
    await expect(page.getByRole('img', { name: /Events and articles per month/ }).count()).resolves.toBe(1);
    const years = await page.locator('.tl-years a').evaluateAll((as) => as.map((a) => ({ year: a.querySelector('strong')!.textContent!, href: (a as HTMLAnchorElement).href })));
    const pages: { url: string; h1: string; titles: string[] }[] = [];
    let next: string | null = years[0]!.href;
    while (next) {
      await page.goto(next);
      const titles = await titlesOn(page);
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.length).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
      pages.push({ url: new URL(page.url()).pathname, h1: (await page.locator('h1').textContent()) ?? '', titles });
      const later = page.locator('nav.pagination a[rel="next"]');
      next = (await later.count()) > 0 ? new URL((await later.getAttribute('href'))!, page.url()).href : null;
    }
    const seen = pages.flatMap((p) => p.titles);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    return { pages, years };
  }

  it('cuts a long entity timeline into pages of consecutive years, every year linked, nothing lost', async () => {
    const { page } = await openPage(browser, server.origin);

    // Busy years (more than a page each) get pages of their own.
    const world = await walkEntityTimeline(page, 'topics/world/');
    expect(world.years.map((y) => new URL(y.href).pathname + new URL(y.href).hash)).toEqual(['/topics/world/timeline/2019/', '/topics/world/timeline/2020/', '/topics/world/timeline/2021/']);
    expect(world.pages.length).toBeGreaterThan(world.years.length);
    expect(world.pages.map((p) => p.url)).toContain('/topics/world/timeline/2019/2/');

    // The month shortcuts lead to the page a month is on.
    await page.goto(world.years[0]!.href);
    await page.locator('.tl-months').getByRole('link', { name: 'December 2019' }).click();
    await expect.poll(() => page.url()).toMatch(/\/topics\/world\/timeline\/2019\/2\/#2019-12$/);
    await expect(page.locator('h2[id="2019-12"]').count()).resolves.toBe(1);
    await page.getByRole('link', { name: /Later: 2020/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/topics\/world\/timeline\/2020\/$/);

    // Quieter years share a page, each with its anchor, and fewer pages than years.
    const cy = await walkEntityTimeline(page, 'people/cy-test/');
    expect(cy.pages.length).toBeLessThan(cy.years.length);
    const shared = cy.pages.find((p) => /\d{4} – \d{4}/.test(p.h1));
    expect(shared, 'a page holding several years').toBeDefined();
    // Each year's link leads to the page holding it, to that year's heading when the page holds several.
    for (const { year, href } of cy.years) {
      await page.goto(href);
      const hash = new URL(href).hash;
      if (hash) {
        expect(hash).toBe(`#${year}`);
        await expect(page.locator(`h2[id="${year}"]`).count()).resolves.toBe(1);
      }
      const dates = await page.locator('main li.tl-entry time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
      expect(dates.some((d) => d.startsWith(year))).toBe(true);
      // The same years, with this page's marked, on every page of the timeline.
      await expect(page.locator('.tl-year-links a').count()).resolves.toBe(cy.years.length);
      await expect(page.locator('.tl-year-links a[aria-current]').allTextContents()).resolves.toContain(year);
    }

    // A timeline up to one page long is shown whole on the entity's page.
    // Brazil's (a few dozen entries) was split by year before pages of a timeline held several years.
    for (const path of ['topics/culture/', 'countries/br/']) {
      await page.goto(new URL(path, server.url).href);
      const heading = await page.getByRole('heading', { level: 2, name: /^Timeline/ }).textContent();
      const total = Number(/\((\d+)\)/.exec(heading ?? '')?.[1]);
      expect(total).toBeLessThanOrEqual(ENTITY_TIMELINE_LIMIT);
      await expect(page.locator('main li.tl-entry').count()).resolves.toBe(total);
      await expect(page.locator('.tl-years').count()).resolves.toBe(0);
      // Grouped by year, each year with its anchor.
      const years = await page.locator('.entity-timeline h3.tl-group-heading').evaluateAll((hs) => hs.map((h) => h.id));
      expect(years.length).toBeGreaterThan(0);
      for (const id of years) expect(id).toMatch(/^\d{4}$/);
    }
  });

  it('shows an entity\'s text and timeline on page 1 of its articles only; later pages list articles', async () => {
    const first = readFileSync(join(dist, 'topics/world/index.html'), 'utf8');
    const second = readFileSync(join(dist, 'topics/world/2/index.html'), 'utf8');
    // A timeline this long is shown on page 1 as links to its pages of years.
    expect(first).toContain('id="timeline"');
    expect(count(first, /class="tl-years/g)).toBe(1);
    expect(second).not.toContain('id="timeline"');
    expect(count(second, /class="tl-/g)).toBe(0);
    expect(count(second, /class="article-list-title"/g)).toBeGreaterThan(0);
  });

  it('passes axe on the pages of a long entity timeline, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of ['people/cy-test/', 'people/cy-test/timeline/2020/', 'topics/world/timeline/2019/2/']) {
        const { page, cspViolations, foreignRequests, errors } = await openPage(browser, server.origin, { colorScheme });
        const response = await page.goto(new URL(path, server.url).href);
        expect(response?.status()).toBe(200);
        expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
        expect(cspViolations).toEqual([]);
        expect(foreignRequests).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('links only pages that exist: no link leads to a year page that was merged away', () => {
    const result = crawl({ dist, base: '/', site: normalizeSite(process.env.CHRONICLE_SITE) });
    expect(result.problems).toEqual([]);
    expect(result.pages.some((p) => p.includes('/people/cy-test/timeline/'))).toBe(true);
  });

  it('lists a few sources under a much-covered event and links the rest', async () => {
    const { page } = await openPage(browser, server.origin);
    await page.goto(new URL('timeline/2019/', server.url).href);
    const entry = page.locator('li.tl-entry').filter({ has: page.locator(`a.tl-title[href$="/events/${corpus.bigEvent.id}/"]`) });
    await expect(entry.count()).resolves.toBe(1);
    await expect(entry.locator('.tl-sources a').count()).resolves.toBe(SOURCES_SHOWN + 1);
    const more = entry.getByRole('link', { name: `${corpus.bigEvent.sources - SOURCES_SHOWN} more` });
    await more.click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/events/${corpus.bigEvent.id}/#entity-articles$`));
    await expect(page.locator('.article-list-title').count()).resolves.toBe(PAGE_SIZE);
  });

  it('dates every page of every list in the sitemap by the newest article that page shows', () => {
    const listings = [...sitemapLastmod(dist).keys()].filter((path) =>
      /^\/(page\/\d+\/)?$|^\/(timeline|archive)\/\d{4}\/(\d+\/)?$|^\/[a-z]+\/[^/]+\/(\d+|timeline\/\d{4}(\/\d+)?)\/$/.test(path));
    // Each kind of list is there, first pages and later ones.
    for (const kind of [/^\/$/, /^\/page\/2\/$/, /^\/timeline\/\d{4}\/$/, /^\/timeline\/\d{4}\/2\/$/, /^\/archive\/\d{4}\/$/, /^\/[a-z]+\/[^/]+\/2\/$/, /\/[^/]+\/timeline\/\d{4}\/$/]) {
      expect(listings.some((path) => kind.test(path)), String(kind)).toBe(true);
    }
    expect(lastmodMismatches(dist, listings)).toEqual([]);
  });

  it('dates a directory page by the entities it lists, and an entity page by the timeline it shows', () => {
    const lastmod = sitemapLastmod(dist);
    const directories = [...lastmod.keys()].filter((path) => /^\/(people|organizations|countries|events)\/(\d+\/)?$/.test(path));
    expect(directories).toContain('/people/2/');
    expect(directoryMismatches(dist, directories)).toEqual([]);
    // Page 2 lists only the person committed last; page 1 does not list her.
    expect(Date.parse(lastmod.get('/people/2/')!)).toBe(Date.parse(LATER));
    expect(Date.parse(lastmod.get('/people/')!)).toBeLessThan(Date.parse(EDITED));
    // Brazil's first page shows its whole timeline, with the edited article from its second page.
    expect(Date.parse(lastmod.get('/countries/br/2/')!)).toBe(Date.parse(EDITED));
    expect(Date.parse(lastmod.get('/countries/br/')!)).toBe(Date.parse(EDITED));
    expect(Date.parse(lastmod.get('/countries/')!)).toBe(Date.parse(EDITED));
    const firstPages = [...lastmod.keys()].filter((path) => /^\/(people|organizations|countries|topics)\/[a-z][^/]*\/$/.test(path)
      && !path.startsWith('/people/reader-'));
    expect(lastmodMismatches(dist, firstPages)).toEqual([]);
  });

  it('renders <Timeline> placed in an article: in range, bounded, linked to the full timeline', async () => {
    const { page } = await openPage(browser, server.origin);
    await page.goto(new URL(`articles/${corpus.embed.id}/`, server.url).href);
    const [spring, ada] = [page.locator('figure.tl-embed').nth(0), page.locator('figure.tl-embed').nth(1)];
    await expect(page.locator('figure.tl-embed').count()).resolves.toBe(2);
    await expect(spring.locator('figcaption').textContent()).resolves.toMatch(/^Timeline: World, March\s+–\s+April 2019$/);
    const dates = await spring.locator('li.tl-entry time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(5);
    // Only what is known to fall in March or April: an event dated just "2019" is not.
    for (const date of dates) expect(date).toMatch(/^2019-0[34]/);
    expect(dates.some((d) => d.startsWith('2019-03'))).toBe(true);
    expect(dates.some((d) => d.startsWith('2019-04'))).toBe(true);
    await expect(spring.getByRole('link', { name: 'Full timeline' }).getAttribute('href')).resolves.toMatch(/\/topics\/world\/#timeline$/);

    await expect(ada.locator('li.tl-entry').count()).resolves.toBe(EMBED_LIMIT);
    await expect(ada.locator('.tl-footnote').textContent()).resolves.toMatch(new RegExp(`Showing ${EMBED_LIMIT} of \\d+ entries`));
    const adaDates = await ada.locator('li.tl-entry time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    for (const date of adaDates) expect(date >= '2020').toBe(true);
  });

  it('stops the build when <Timeline> names an unknown entity, naming the file and the id', async () => {
    const { contentDir } = makeContentTree({
      'articles/2018/bad-timeline.mdx': md('title: Bad\ndescription: Names nobody.\npubDate: 2018-07-12\ntopics: [diplomacy]', '\n<Timeline person="nobody-we-know" />\n'),
    });
    const result = await buildSite({ name: 'timeline-unknown-id', contentDir });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/articles\/2018\/bad-timeline\.mdx:\d+.*<Timeline person>.*nobody-we-know/);
  });
});
