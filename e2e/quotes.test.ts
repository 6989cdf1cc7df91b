import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';
import { buildOnce, buildSite, ROOT } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';

const ARTICLE = 'Iran-Russia Ties Strategic, Longstanding: Velayati';
const ARTICLE_PATH = 'articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/';
const SEED_FILE = 'content/articles/2018/07/iran-russia-ties-strategic-longstanding-velayati.mdx';
const VELAYATI = [
  'The regional cooperation between the front of resistance, led by Iran, and Russia in countering terrorism and its sponsors in Syria and other countries of the region is an excellent example of Iran-Russia cooperation, which could be justified only by strategic and long-term relations',
  'a turning point in the strategic relations',
];
const QASSEMI = 'In these messages, our country’s views and stances regarding the US’ selfish and illegal behavior are explained to other countries';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** The element the URL's fragment names, and whether the reader can see it. */
function targetOf(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector(':target');
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return {
      id: el.id, tag: el.tagName.toLowerCase(), text: el.textContent, inView: box.top >= 0 && box.top < window.innerHeight,
      marked: getComputedStyle(el).backgroundColor !== getComputedStyle(document.body).backgroundColor,
    };
  });
}

/** Follows the article link of each quote in the person's Quotes section; returns where each one landed. */
async function followQuoteLinks(page: Page, personUrl: string) {
  await page.goto(personUrl);
  const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: /^Quotes/ }) });
  const count = await section.locator('.quote-list > li').count();
  const landed = [];
  for (let i = 0; i < count; i++) {
    await page.goto(personUrl);
    const item = section.locator('.quote-list > li').nth(i);
    const listed = (await item.locator('blockquote').textContent())!.trim();
    await item.getByRole('link', { name: ARTICLE }).click();
    await page.waitForURL(/#quote-/, { waitUntil: 'load' });
    // The browser scrolls to the fragment after the load; read where it landed once it has (or after 5 s).
    await page.waitForFunction(() => {
      const box = document.querySelector(':target')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.top < innerHeight;
    }, undefined, { timeout: 5_000 }).catch(() => {});
    landed.push({ listed, url: page.url(), target: await targetOf(page) });
  }
  return landed;
}

describe('the seed article’s quotations', () => {
  it('Velayati’s page lists both of his quotes, newest first, and each link lands on its quote', async () => {
    const url = inject('seedUrl');
    const { page, errors } = await openPage(browser, new URL(url).origin);
    const personUrl = new URL('people/ali-akbar-velayati/', url).href;
    await page.goto(personUrl);
    await expect(page.getByRole('heading', { level: 2, name: /^Quotes/ }).textContent()).resolves.toBe('Quotes (2)');

    const landed = await followQuoteLinks(page, personUrl);
    expect(landed.map((l) => l.listed)).toEqual(VELAYATI);
    landed.forEach((l, i) => {
      const anchor = `quote-ali-akbar-velayati-${i + 1}`;
      expect(l.url).toBe(new URL(`${ARTICLE_PATH}#${anchor}`, url).href);
      expect(l.target).toEqual({ id: anchor, tag: 'q', text: VELAYATI[i], inView: true, marked: true });
    });
    expect(errors).toEqual([]);
  });

  it('Qassemi’s page lists his quote with the day he said it and his role, and the link lands on it', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin, { width: 390 });
    const personUrl = new URL('people/bahram-qassemi/', url).href;
    await page.goto(personUrl);
    await expect(page.getByRole('heading', { level: 2, name: /^Quotes/ }).textContent()).resolves.toBe('Quotes (1)');
    const caption = page.locator('.quote-list figcaption');
    await expect(caption.textContent()).resolves.toMatch(/^\s*Spokesman of the Foreign Ministry\s*·\s*11 July 2018\s*·\s*in Iran-Russia Ties/);
    await expect(caption.locator('time').getAttribute('datetime')).resolves.toBe('2018-07-11');

    const landed = await followQuoteLinks(page, personUrl);
    expect(landed).toEqual([{
      listed: QASSEMI,
      url: new URL(`${ARTICLE_PATH}#quote-bahram-qassemi-1`, url).href,
      target: { id: 'quote-bahram-qassemi-1', tag: 'q', text: QASSEMI, inView: true, marked: true },
    }]);
  });

  it('the article still reads word for word as written: every original paragraph is on the page', async () => {
    const url = inject('seedUrl');
    const { page } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL(ARTICLE_PATH, url).href);
    const prose = (await page.locator('.prose').innerText()).replace(/\s+/g, ' ');
    const body = readFileSync(join(ROOT, SEED_FILE), 'utf8').split(/^---$/m).slice(2).join('---');
    // The authored text with the <Quote> tags taken out is the original article.
    const paragraphs = body.split(/\n\s*\n/).map((p) => p.replace(/<\/?Quote\b[^>]*>/g, '').trim()).filter(Boolean);
    expect(paragraphs).toHaveLength(11);
    for (const paragraph of paragraphs) expect(prose).toContain(paragraph);
    expect(prose).toContain(`“${VELAYATI[0]},” the Iranian envoy said.`);
    expect(prose).toContain(`would mark “${VELAYATI[1]}” between Tehran and Moscow.`);
    expect(prose).toContain(`“${QASSEMI},” Foreign Ministry Spokesman Bahram Qassemi said Wednesday.`);
    // Each speaker's first quotation tags the page with the speaker facet for search.
    const facets = await page.locator('.prose [data-pagefind-filter]').evaluateAll((els) => els.map((el) => [el.id, el.getAttribute('data-pagefind-filter')]));
    expect(facets).toEqual([
      ['quote-ali-akbar-velayati-1', 'speaker:ali-akbar-velayati'],
      ['quote-bahram-qassemi-1', 'speaker:bahram-qassemi'],
    ]);
  });

  it('/quotes/ lists all three, the topic page says who was quoted, and search narrows by speaker', async () => {
    const url = inject('seedUrl');
    const { page, errors } = await openPage(browser, new URL(url).origin);
    await page.goto(new URL('quotes/', url).href);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Quotes (3)');
    const speakers = await page.locator('.quote-list cite').allTextContents();
    expect(speakers).toEqual(['Ali Akbar Velayati', 'Ali Akbar Velayati', 'Bahram Qassemi']);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(new URL('topics/iran-russia-relations/', url).href);
    const quoted = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Who was quoted' }) });
    await expect(quoted.locator('li').allInnerTexts()).resolves.toEqual(['Ali Akbar Velayati\n2 quotes', 'Bahram Qassemi\n1 quote']);
    await quoted.getByRole('link', { name: 'All 3 quotes' }).click();
    await expect.poll(() => page.url()).toBe(new URL('topics/iran-russia-relations/quotes/', url).href);
    await expect(page.locator('.quote-list > li').count()).resolves.toBe(3);

    // Pagefind's own API, as the search page uses it (a string, so the test runner leaves `import()` alone).
    await page.evaluate(`import(${JSON.stringify(new URL('pagefind/pagefind.js', url).href)}).then((m) => { window.pagefind = m; })`);
    const search = await page.evaluate(async () => {
      type Found = { results: { data: () => Promise<{ url: string }> }[] };
      const { pagefind } = window as unknown as { pagefind: {
        filters: () => Promise<Record<string, Record<string, number>>>;
        search: (q: string | null, o: object) => Promise<Found>;
      } };
      const urls = async (found: Found) => Promise.all(found.results.map(async (hit) => (await hit.data()).url));
      return {
        facet: (await pagefind.filters()).speaker,
        velayati: await urls(await pagefind.search('turning point', { filters: { speaker: 'ali-akbar-velayati' } })),
        qassemi: await urls(await pagefind.search(null, { filters: { speaker: 'bahram-qassemi' } })),
        putin: await urls(await pagefind.search('turning point', { filters: { speaker: 'vladimir-putin' } })),
      };
    });
    const articleUrl = new URL(ARTICLE_PATH, url).pathname;
    expect(search.facet).toEqual({ 'ali-akbar-velayati': 1, 'bahram-qassemi': 1 });
    expect(search.velayati).toEqual([articleUrl]);
    expect(search.qassemi).toEqual([articleUrl]);
    expect(search.putin).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('pages with quotes pass axe in light and dark, at phone and desktop widths', async () => {
    const url = inject('seedUrl');
    for (const [colorScheme, width] of [['light', 1280], ['dark', 390]] as const) {
      const { page } = await openPage(browser, new URL(url).origin, { colorScheme, width });
      for (const path of ['people/ali-akbar-velayati/', `${ARTICLE_PATH}#quote-ali-akbar-velayati-2`, 'topics/iran-russia-relations/']) {
        await page.goto(new URL(path, url).href);
        expect(await axeViolations(page), `${path} ${colorScheme}`).toEqual([]);
      }
    }
  });
});

/**
 * A copy of the seed archive plus plain Markdown articles quoting Velayati
 * with the blockquote attribution: enough quotes for a second page of
 * /quotes/ and of his own quotes page.
 */
const EXTRA = 24;
function markdownQuotesContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-quotes-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  for (let n = 1; n <= EXTRA; n++) {
    const day = String(n).padStart(2, '0');
    const twice = n === EXTRA ? '\n\n> He added a second remark, number two.\n>\n> — @ali-akbar-velayati\n' : '';
    writeFileSync(join(dir, 'articles', `2019-envoy-${n}.md`), [
      '---',
      `title: "Envoy remarks, part ${n}"`,
      `description: "Velayati speaks about the talks, part ${n}."`,
      `pubDate: 2019-03-${day}`,
      'topics: [jcpoa]',
      'people: [ali-akbar-velayati]',
      '---',
      '',
      'An unattributed blockquote stays a plain blockquote:',
      '',
      '> Nobody said this.',
      '',
      `> Remark number ${n} on the talks.`,
      '>',
      `> — @ali-akbar-velayati, Adviser to the Leader, 2019-02-${day}${twice}`,
      '',
    ].join('\n'));
  }
  return dir;
}

describe('the Markdown attribution syntax in a real build', () => {
  let server: StaticServer;
  let base: string;
  beforeAll(async () => {
    const build = await buildOnce({ name: 'quotes-markdown', contentDir: markdownQuotesContent() });
    server = await serveDir(build.outDir);
    base = server.url;
  });
  afterAll(async () => { await server?.close(); });

  it('renders a captioned figure with its anchor, and the ledger pages paginate', async () => {
    const { page, errors } = await openPage(browser, server.origin);
    await page.goto(`${base}articles/2019-envoy-${EXTRA}/`);
    const figures = page.locator('.prose figure.quote');
    await expect(figures.evaluateAll((els) => els.map((el) => el.id))).resolves.toEqual(['quote-ali-akbar-velayati-1', 'quote-ali-akbar-velayati-2']);
    await expect(figures.first().locator('blockquote').innerText()).resolves.toBe(`Remark number ${EXTRA} on the talks.`);
    await expect(figures.first().locator('figcaption').innerText()).resolves.toBe(`— Ali Akbar Velayati, Adviser to the Leader, ${EXTRA} February 2019`);
    await expect(figures.first().locator('figcaption cite a').getAttribute('href')).resolves.toBe('/people/ali-akbar-velayati/');
    await expect(page.locator('.prose > blockquote').innerText()).resolves.toBe('Nobody said this.');

    // 2 seed quotes + 25 here + Qassemi's: /quotes/ has 20 on page 1 and 8 on page 2.
    await page.goto(`${base}quotes/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Quotes (28)');
    await expect(page.locator('.quote-list > li').count()).resolves.toBe(20);
    await page.getByRole('link', { name: /Older/ }).click();
    await expect.poll(() => page.url()).toBe(`${base}quotes/2/`);
    await expect(page.locator('.quote-list > li').count()).resolves.toBe(8);

    // His page shows the newest five and links to all of them, which paginate too.
    await page.goto(`${base}people/ali-akbar-velayati/`);
    const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: /^Quotes/ }) });
    await expect(section.locator('.quote-list > li').count()).resolves.toBe(5);
    await expect(section.locator('.quote-list blockquote').first().innerText()).resolves.toBe('He added a second remark, number two.');
    await section.getByRole('link', { name: 'All 27 quotes' }).click();
    await expect.poll(() => page.url()).toBe(`${base}people/ali-akbar-velayati/quotes/`);
    await expect(page.locator('.quote-list > li').count()).resolves.toBe(20);
    await page.goto(`${base}people/ali-akbar-velayati/quotes/2/`);
    await expect(page.locator('.quote-list > li').count()).resolves.toBe(7);

    // Page 2 ends with the oldest Markdown quote, then the two seed quotes; its link lands on the figure.
    await expect(page.locator('.quote-list blockquote').allInnerTexts()).resolves.toEqual([
      ...[5, 4, 3, 2, 1].map((n) => `Remark number ${n} on the talks.`), ...VELAYATI,
    ]);
    await page.locator('.quote-list > li').nth(4).getByRole('link', { name: 'Envoy remarks, part 1' }).click();
    await page.waitForURL(/#quote-/);
    expect(page.url()).toBe(`${base}articles/2019-envoy-1/#quote-ali-akbar-velayati-1`);
    await expect(targetOf(page)).resolves.toMatchObject({ id: 'quote-ali-akbar-velayati-1', tag: 'figure', inView: true, marked: true });
    expect(errors).toEqual([]);

    // The marked figure, its caption and links stay readable in dark mode.
    const dark = await openPage(browser, server.origin, { colorScheme: 'dark', width: 390 });
    await dark.page.goto(`${base}articles/2019-envoy-1/#quote-ali-akbar-velayati-1`);
    expect(await axeViolations(dark.page)).toEqual([]);
  });
});

describe('an unknown person in the attribution syntax', () => {
  it('fails the build with the file, the line and the id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-quotes-bad-'));
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    writeFileSync(join(dir, 'articles', 'misquoted.md'), [
      '---', 'title: "Misquoted"', 'description: "A quote from someone we do not know."', 'pubDate: 2019-01-01', 'topics: [jcpoa]', '---',
      '', '> Words.', '>', '> — @ali-akbar-velayatti, envoy', '',
    ].join('\n'));
    const result = await buildSite({ name: 'quotes-unknown-person', contentDir: dir });
    const output = result.output.replace(/\u001b\[[0-9;]*m/g, '');
    expect(result.code).not.toBe(0);
    expect(output).toMatch(/articles\/misquoted\.md:10 {2}quote attribution: unknown person "ali-akbar-velayatti"; did you mean "ali-akbar-velayati"\?/);
  });
});
