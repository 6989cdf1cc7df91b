import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { buildOnce } from './helpers/site.ts';
import { startDevServer, type DevServer } from './helpers/dev-server.ts';
import { article, makeContentTree, md, removeContentTrees } from '../tests/fixtures/content-tree.ts';

const DRAFT_TITLE = 'Unfinished story about the talks';
const DRAFT_PATH = 'articles/2018/07/unfinished/';

let browser: Browser;
let dev: DevServer;
let contentDir: string;

/** Fetches a page of the dev server until `accept` says yes (the server may take a moment to see a file). */
async function waitForPage(path: string, accept: (status: number, html: string) => boolean): Promise<{ status: number; html: string }> {
  const deadline = Date.now() + 60_000;
  let last = { status: 0, html: '' };
  while (Date.now() < deadline) {
    const response = await fetch(new URL(path, dev.url), { signal: AbortSignal.timeout(60_000) });
    last = { status: response.status, html: await response.text() };
    if (accept(last.status, last.html)) return last;
    await new Promise((wait) => setTimeout(wait, 500));
  }
  return last;
}

async function waitForOutput(test: (output: string) => boolean): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !test(dev.output())) await new Promise((wait) => setTimeout(wait, 300));
  return dev.output();
}

/**
 * The end of what the dev server printed, without colours and without its
 * one line per request (the polling above would fill it): what explains a failure.
 */
const serverLog = () => dev.output().replace(/\u001b\[[0-9;]*m/g, '').split('\n')
  .filter((line) => !/^\d\d:\d\d:\d\d \[\d{3}\] \//.test(line)).join('\n').slice(-6000);

const write = (path: string, text: string) => {
  const full = join(contentDir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
};

/** A valid article with this title and body text. */
const articleText = (title: string, body: string) => article('', `\n${body}\n`).replace('title: Valid', `title: ${title}`);

const pause = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

beforeAll(async () => {
  ({ contentDir } = makeContentTree({
    'articles/2018/07/unfinished.md': md(
      `title: ${DRAFT_TITLE}\ndescription: Not ready yet.\npubDate: 2018-07-20\ntopics: [diplomacy]\ndraft: true`,
      '\nStill being written.\n',
    ),
  }));
  browser = await launchBrowser();
  dev = await startDevServer(contentDir);
});

afterAll(async () => {
  await dev?.stop();
  await browser?.close();
  removeContentTrees();
});

describe('drafts', () => {
  it('npm run dev shows a draft, with a visible Draft banner, and lists it', async () => {
    const { page } = await openPage(browser, new URL(dev.url).origin);
    const response = await page.goto(new URL(DRAFT_PATH, dev.url).href);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(DRAFT_TITLE);
    // Waiting, not a single look: Vite may reload the page once after the server's first content sync.
    const banner = page.locator('.draft-banner');
    await banner.waitFor({ state: 'visible', timeout: 30_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\nthe dev server said:\n${serverLog()}`);
    });
    await expect(banner.textContent()).resolves.toMatch(/^Draft\b/);
    await page.goto(dev.url);
    await expect.poll(() => page.getByRole('link', { name: DRAFT_TITLE }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // This content has no countries/ folder, which is allowed: the server says nothing about it.
    expect(existsSync(join(contentDir, 'countries'))).toBe(false);
    expect(serverLog()).not.toMatch(/does not exist or is empty/);
  });

  it('a build of the same files leaves the draft out: no page, no link, no sitemap entry', async () => {
    const build = await buildOnce({ name: 'drafts', contentDir });
    expect(existsSync(join(build.outDir, DRAFT_PATH, 'index.html'))).toBe(false);
    expect(existsSync(join(build.outDir, 'articles/2018/first-story/index.html'))).toBe(true);
    const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    expect(home).toContain('First story');
    expect(home).not.toContain(DRAFT_TITLE);
    const sitemap = readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/articles/2018/first-story/');
    expect(sitemap).not.toContain('unfinished');
    const topic = readFileSync(join(build.outDir, 'topics/diplomacy/index.html'), 'utf8');
    expect(topic).not.toContain(DRAFT_TITLE);
  });
});

describe('the dev server follows content files without a restart', () => {
  it('serves a new article as soon as its file exists, and shows an edit on the next load', async () => {
    const path = 'articles/2019/03/added-while-running/';
    expect((await fetch(new URL(path, dev.url))).status).toBe(404);
    write('articles/2019/03/added-while-running.md', articleText('Added while running', 'Written while the server ran.'));
    const added = await waitForPage(path, (status) => status === 200);
    expect(added.status).toBe(200);
    expect(added.html).toContain('Added while running');
    expect(added.html).toContain('Written while the server ran.');

    write('articles/2019/03/added-while-running.md', articleText('Edited while running', 'Rewritten.'));
    const edited = await waitForPage(path, (_, html) => html.includes('Edited while running'));
    // What the dev server logged, and whether another page shows the edit, explain a missed edit.
    const home = edited.html.includes('Edited while running') ? '' : await (await fetch(dev.url)).text();
    expect(edited.html.includes('Edited while running'), `the home page ${home.includes('Edited while running') ? 'shows' : 'does not show'} the edit; the dev server said:\n${serverLog()}`).toBe(true);
    expect(edited.html).toContain('Rewritten.');
    expect(edited.html).not.toContain('Added while running');
  });

  it('serves the share card of a page it renders, drawn for the page\'s current title', async () => {
    const path = 'articles/2019/03/card-while-running/';
    write('articles/2019/03/card-while-running.md', articleText('Card drawn while running', 'A page with a card.'));
    const { html } = await waitForPage(path, (status, text) => status === 200 && text.includes('Card drawn while running'));
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(image).toMatch(/\/cards\/[0-9a-f]{24}\.png$/);
    const response = await fetch(new URL(new URL(image).pathname, dev.url));
    expect(response.status, serverLog()).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    // Another title is another card.
    write('articles/2019/03/card-while-running.md', articleText('Card redrawn while running', 'A page with a card.'));
    const edited = await waitForPage(path, (_, text) => text.includes('Card redrawn while running'));
    expect(/<meta property="og:image" content="([^"]+)"/.exec(edited.html)?.[1]).not.toBe(image);
  });

  it('shows the last of two saves made in quick succession, and a file written in two steps', async () => {
    const file = 'articles/2019/04/saved-twice.md';
    const path = 'articles/2019/04/saved-twice/';
    write(file, articleText('Saved once', 'First text.'));
    expect((await waitForPage(path, (status) => status === 200)).status).toBe(200);

    // Vite's file watcher reports the first save and drops any other within the next 50 ms.
    write(file, articleText('Saved twice', 'Second text.'));
    await pause(20);
    write(file, articleText('Saved three times', 'Third text.'));
    const last = await waitForPage(path, (_, html) => html.includes('Saved three times'));
    expect(last.html.includes('Saved three times'), `the dev server said:\n${serverLog()}`).toBe(true);
    expect(last.html).toContain('Third text.');

    // An editor that empties the file and then writes it, or one write that a busy machine pauses
    // between the two: the server may read the empty file (which fails the schema) and must read it again.
    const descriptor = openSync(join(contentDir, file), 'w');
    await pause(20);
    writeSync(descriptor, articleText('Written in two steps', 'Fourth text.'));
    closeSync(descriptor);
    const written = await waitForPage(path, (_, html) => html.includes('Written in two steps'));
    expect(written.html.includes('Written in two steps'), `the dev server said:\n${serverLog()}`).toBe(true);
    expect(written.html).toContain('Fourth text.');
  });

  it('prints the full report when files break, and says when they are fixed', async () => {
    const before = dev.output().length;
    write('articles/broken-one.md', article('countries: [XX]'));
    write('events/broken-two.md', md('title: Broken\ndate: 2018-02-30'));
    const report = await waitForOutput((out) => /broken-one\.md:6 {2}countries\[0\]/.test(out) && /broken-two\.md:3 {2}date/.test(out));
    expect(report).toMatch(/Chronicle found 2 content problems in 2 files; the dev server keeps serving the other files\./);
    expect(report).toMatch(/broken-one\.md:6 {2}countries\[0\]: got "XX", expected an upper-case ISO 3166-1 alpha-2 code/);
    expect(report).toMatch(/broken-two\.md:3 {2}date: got "2018-02-30", expected a real day/);
    // Chronicle's report only, not Astro's own error for the same entries with its stack trace
    // (given the content store a moment to sync the files after the report).
    await pause(3_000);
    expect((await fetch(new URL('articles/broken-one/', dev.url))).status).toBe(404);
    expect(dev.output().slice(before)).not.toMatch(/InvalidContentEntryDataError|^\s+at \S/m);

    write('articles/broken-one.md', article('countries: [IR]'));
    write('events/broken-two.md', md('title: Fixed\ndate: 2018-02-28'));
    const fixed = await waitForOutput((out) => out.includes('Content problems fixed'));
    expect(fixed).toContain('Content problems fixed: every content file passes.');
  });
});
