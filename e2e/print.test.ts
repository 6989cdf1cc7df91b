import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import type { Page } from 'playwright-core';
import { buildOnce, ROOT } from './helpers/site.ts';
import { serveForFile } from './helpers/served-site.ts';
import { openPage } from './helpers/browser.ts';

/**
 * Printing an article (issue 17; src/styles/print.css): Chromium's own PDF of
 * it has no site header, navigation, search, sidebar or footer; its title,
 * source and date are on the first page; a figure and its caption, and a
 * quotation and its attribution, stay together; a link's address follows
 * its text. The article is a fixture long enough to fill several pages.
 */

const ID = '2018/07/printed-report';
const TITLE = 'A report printed on paper';
const FIGURE_CAPTION = 'Route of the envoy from Tehran to Moscow.';
const QUOTE = 'Our cooperation is strategic and long-term.';
const EXTERNAL = 'https://example.org/report/1';
const filler = (n: number) => `Paragraph ${n} of the report goes on about trade, transport and talks between the two capitals, at the length of a news story.`;

function writePrintFixture(): string {
  const contentDir = join(mkdtempSync(join(tmpdir(), 'chronicle-print-')), 'content');
  cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
  const body = [
    ...Array.from({ length: 14 }, (_, i) => filler(i + 1)),
    `The envoy’s [full report](${EXTERNAL}) and [his page](/people/ali-akbar-velayati/) say more.`,
    ...Array.from({ length: 8 }, (_, i) => filler(i + 15)),
    `<Quote by="ali-akbar-velayati" date="2018-07-12">${QUOTE}</Quote>`,
    `<figure><img src="/favicon.svg" alt="A map of the route" width="400" height="200" /><figcaption>${FIGURE_CAPTION}</figcaption></figure>`,
    ...Array.from({ length: 10 }, (_, i) => filler(i + 23)),
  ].join('\n\n');
  const file = join(contentDir, 'articles', `${ID}.mdx`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `---\ntitle: "${TITLE}"\ndescription: "A long fixture article for the print stylesheet."\npubDate: 2018-07-13\ndateline: MOSCOW\nsource:\n  name: Print Test Wire\n  url: https://example.org/wire/\ntopics: [iran-russia-relations]\npeople: [ali-akbar-velayati]\n---\n\n${body}\n`);
  return contentDir;
}

const fixture = writePrintFixture();
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'print', contentDir: fixture });
const site = serveForFile(build.outDir);

/** The article printed to PDF by Chromium, as text, page by page. */
async function printed(page: Page): Promise<string[]> {
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const { text } = await extractText(new Uint8Array(pdf));
  return text.map((pageText) => pageText.replace(/\s+/g, ' '));
}

async function openArticle(colorScheme: 'light' | 'dark' = 'light', bypassCSP = false) {
  const { page } = await openPage(site.browser, site.server.origin, { colorScheme, bypassCSP });
  await page.goto(new URL(`articles/${ID}/`, site.server.url).href);
  return page;
}

/** Text of the site's chrome that must not be printed. */
async function chrome(page: Page) {
  return page.evaluate(() => ({
    nav: [...document.querySelectorAll('.primary-nav a')].map((a) => a.textContent!.trim()).join(' '),
    // Topics in the sidebar that the article itself does not name.
    sidebar: [...document.querySelectorAll('nav.sidebar a')].map((a) => a.textContent!.trim())
      .filter((name) => name && !document.querySelector('main')!.textContent!.includes(name)),
    footer: (document.querySelector('.site-footer')?.textContent ?? '').trim(),
  }));
}

describe('a printed article', () => {
  it.each(['light', 'dark'] as const)('(%s scheme) is the article alone: no header, navigation, search, sidebar or footer', async (scheme) => {
    const page = await openArticle(scheme);
    const { nav, sidebar, footer } = await chrome(page);
    expect(nav).toContain('Timeline');
    const pages = await printed(page);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    expect(all).toContain(TITLE);
    expect(all).not.toContain(nav);
    expect(all).not.toContain(footer);
    expect(sidebar.length).toBeGreaterThan(0);
    for (const topic of sidebar) expect(all).not.toContain(topic);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['.site-header', '.header-search', 'nav.sidebar', '.site-footer']
      .map((selector) => [selector, getComputedStyle(document.querySelector(selector)!).display]));
    expect(hidden).toEqual(hidden.map(([selector]) => [selector, 'none']));
    // Black on white whatever the screen's scheme.
    await expect(page.evaluate(() => getComputedStyle(document.querySelector('.prose p')!).color)).resolves.toBe('rgb(0, 0, 0)');
    await page.context().close();
  });

  it('has its title, source and date on the first page, and link addresses after link text', async () => {
    const page = await openArticle();
    const [first, ...rest] = await printed(page);
    expect(first).toContain(TITLE);
    expect(first).toMatch(/Source: Print Test Wire/);
    expect(first).toContain('13 July 2018');
    expect([first, ...rest].join(' ')).toContain(`full report (${EXTERNAL})`);
    expect([first, ...rest].join(' ')).toContain('his page (/people/ali-akbar-velayati/)');
    await page.context().close();
  });

  it('keeps the figure with its caption and the quotation with its attribution', async () => {
    const page = await openArticle();
    const pages = await printed(page);
    const onPage = (text: string) => pages.findIndex((p) => p.includes(text));
    expect(onPage(QUOTE)).toBeGreaterThan(-1);
    expect(onPage('— Ali Akbar Velayati')).toBe(onPage(QUOTE));
    expect(onPage(FIGURE_CAPTION)).toBeGreaterThan(-1);
    await page.emulateMedia({ media: 'print' });
    const figure = await page.evaluate(() => {
      const element = document.querySelector('.prose figure:not(.quote)')!;
      const image = element.querySelector('img')!.getBoundingClientRect();
      // Printed, not hidden or collapsed: as wide as it is drawn on screen at most, and with a height.
      return { breakInside: getComputedStyle(element).breakInside, printed: image.width > 0 && image.width <= 400 && image.height >= 100 };
    });
    expect(figure).toEqual({ breakInside: 'avoid', printed: true });
    await page.context().close();
  });

  it('would show the header if the stylesheet printed it (the check can fail)', async () => {
    const page = await openArticle('light', true);
    const { nav } = await chrome(page);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = '@media print { .site-header { display: flex !important } }';
      document.head.append(style);
    });
    expect((await printed(page)).join('\n')).toContain(nav);
    await page.context().close();
  });
});
