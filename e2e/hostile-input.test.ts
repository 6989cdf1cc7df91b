import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { XMLParser } from 'fast-xml-parser';
import { buildOnce, buildSite } from './helpers/site.ts';
import { openPage, type WatchedPage } from './helpers/browser.ts';
import { serveForFile } from './helpers/served-site.ts';
import { settled } from './helpers/search-page.ts';
import { filesIn, servedPath } from './helpers/crawl.ts';
import { shapeOf } from './helpers/templates.ts';
import { INERT, REJECTED, writeInertFixture, writeRejectedFixture } from './helpers/hostile-fixture.ts';

/**
 * Hostile input, end to end (the rules themselves: tests/unit/hostile-input.test.ts).
 * - Text that looks like markup, in every kind of field, builds and is shown
 *   literally on every page it reaches, in feeds and in search results, and
 *   none of it runs. Pages are opened with the Content-Security-Policy
 *   switched OFF: escaping has to hold on its own; the policy is a second wall.
 * - What validation refuses stops the build, naming each file and field.
 * - Whatever is typed after /search/?q= never runs.
 */

const fixture = writeInertFixture();
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'hostile', contentDir: fixture });
/** Every page some payload reaches (each payload calls alert): the topic is in every page's navigation. */
const reached = filesIn(build.outDir)
  .filter((file) => file.endsWith('.html') && readFileSync(file, 'utf8').includes('alert('))
  .map((file) => servedPath(build.outDir, file, '/'));
/** One of those per template, plus every page of the hostile entries themselves. */
const visited = [...new Map(reached.map((path) => [shapeOf(path), path])).values()];
for (const path of reached) if (/hostile/.test(path) && !visited.includes(path)) visited.push(path);

const site = serveForFile(build.outDir);

/** Elements and attributes a payload would have created had it been parsed as HTML. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('*')].flatMap((element) => {
    const found: string[] = [];
    for (const attribute of element.getAttributeNames()) if (attribute.startsWith('on')) found.push(`<${element.localName} ${attribute}>`);
    if (element.localName === 'script' && (element as HTMLScriptElement).type !== 'application/ld+json' && !(element as HTMLScriptElement).src) found.push('inline <script>');
    if (element.localName === 'img' && element.getAttribute('src') === 'x') found.push('<img src=x>');
    return found;
  }));
}

async function visit(path: string): Promise<WatchedPage> {
  const watched = await openPage(site.browser, site.server.origin, { bypassCSP: true });
  await watched.page.goto(new URL(path.replace(/^\//, ''), site.server.url).href);
  return watched;
}

describe('markup-looking text in content is shown, never run', () => {
  it('reaches many pages: the article, its entities, lists, timelines, the home page', () => {
    expect(reached).toEqual(expect.arrayContaining([
      `/articles/${INERT.articleId}/`, `/topics/${INERT.topic.id}/`, `/people/${INERT.person.id}/`,
      `/organizations/${INERT.organization.id}/`, `/events/${INERT.event.id}/`, '/', '/timeline/2018/',
    ]));
  });

  it('runs nowhere: no dialog, no script, no injected element or handler on any kind of page it reaches', async () => {
    const report: string[] = [];
    for (const path of visited) {
      const { page, dialogs, errors } = await visit(path);
      for (const item of [...dialogs, ...errors, ...await injected(page)]) report.push(`${path}: ${item}`);
      await page.context().close();
    }
    expect(visited.length).toBeGreaterThan(15);
    expect(report).toEqual([]);
  });

  it('would notice a payload that ran (the checks can fail)', async () => {
    const { page, dialogs } = await visit('/');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="alert(\'ran\')">'));
    await expect.poll(() => dialogs).toEqual(['alert: ran']);
    expect(await injected(page)).toEqual(['<img onerror>', '<img src=x>']);
    await page.context().close();
  });

  it('the article shows every field as typed', async () => {
    const { page } = await visit(`/articles/${INERT.articleId}/`);
    const text = (selector: string) => page.locator(selector).first().textContent();
    await expect(text('h1')).resolves.toBe(INERT.title);
    await expect(page.title()).resolves.toContain(INERT.title);
    await expect(page.locator('meta[name="description"]').getAttribute('content')).resolves.toBe(INERT.description);
    await expect(page.locator('meta[property="og:title"]').getAttribute('content')).resolves.toBe(INERT.title);
    await expect(page.getByText(INERT.description, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(INERT.dateline, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(INERT.author).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(INERT.correction).count()).resolves.toBeGreaterThan(0);
    const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toContain(new URL(INERT.sourceUrl).href);
    await expect(page.getByRole('link', { name: INERT.person.name, exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: INERT.organization.name, exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('code', { hasText: INERT.codeSpan }).count()).resolves.toBe(1);
    await expect(page.locator('pre code').first().textContent()).resolves.toContain("<img src=x onerror=alert('fenced')>");
    // JSON-LD keeps the text exact and its block closed.
    const data = await page.locator('script[type="application/ld+json"]').evaluateAll((blocks) => blocks.map((b) => JSON.parse(b.textContent ?? '')));
    const article = data.flatMap((d) => d['@graph'] ?? [d]).find((node) => String(node['@type']).includes('NewsArticle'));
    expect(article?.headline).toBe(INERT.title);
    expect(article?.description).toBe(INERT.description);
    await page.context().close();
  });

  it('entity pages show their names as typed', async () => {
    for (const [path, name] of [
      [`/topics/${INERT.topic.id}/`, INERT.topic.title],
      [`/people/${INERT.person.id}/`, INERT.person.name],
      [`/organizations/${INERT.organization.id}/`, `${INERT.organization.name} (${INERT.organization.shortName})`],
      [`/events/${INERT.event.id}/`, INERT.event.title],
    ]) {
      const { page } = await visit(path!);
      await expect(page.locator('h1').first().textContent(), path).resolves.toBe(name);
      await page.context().close();
    }
  });

  it('feeds carry the text, escaped once', () => {
    const xml = new XMLParser({ isArray: (name) => name === 'item', processEntities: true, htmlEntities: true });
    const items = (path: string) => (xml.parse(readFileSync(join(build.outDir, path), 'utf8')) as { rss: { channel: { title: string; item: { title: string; description: string }[] } } }).rss.channel;
    const site = items('rss.xml').item.find((item) => item.title === INERT.title);
    expect(site?.description).toBe(INERT.description);
    const topic = items(`topics/${INERT.topic.id}/rss.xml`);
    expect(topic.title).toContain(INERT.topic.title);
    expect(topic.item.map((item) => item.title)).toContain(INERT.title);
  });

  it('search finds the article and shows its title as text', async () => {
    const { page, dialogs } = await visit(`/search/?q=${INERT.word}`);
    await settled(page);
    await expect(page.locator('[data-results] a[data-result-link]').allTextContents()).resolves.toEqual([INERT.title]);
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});

describe('what validation refuses stops the build', () => {
  it('with one message per file, naming the file and the field', async () => {
    const rejected = writeRejectedFixture();
    const result = await buildSite({ name: 'hostile-rejected', contentDir: rejected }).finally(() => rmSync(dirname(rejected), { recursive: true, force: true }));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Chronicle found \d+ content problems in \d+ files; nothing was built/);
    // The report is the last thing printed: no hook error, no stack trace after it.
    const tail = result.output.slice(result.output.indexOf('Chronicle found'));
    expect(tail).not.toMatch(/unhandled error|^\s+at /m);
    expect(tail.trim().split('\n').at(-1)).toMatch(/^ {2}\S*content\/\S+ +\S+: /);
    for (const { path, field, has } of REJECTED) {
      const line = result.output.split('\n').find((l) => new RegExp(`content/${path}(:\\d+)?  ${field}: `).test(l));
      expect(line, `${path} ${field}`).toContain(has);
    }
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });
});

describe('whatever follows /search/?q= never runs', () => {
  const PAYLOADS = [
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '</script><script>alert(1)</script>',
    "'-alert(1)-'",
    'javascript:alert(1)',
    '<a href="javascript:alert(1)">x</a>',
    '\u202e<img src=x onerror=alert(1)>',
  ];
  it.each(PAYLOADS)('%s', async (payload) => {
    const url = inject('seedUrl');
    const { page, dialogs, errors } = await openPage(site.browser, new URL(url).origin, { bypassCSP: true });
    await page.goto(new URL(`search/?q=${encodeURIComponent(payload)}`, url).href);
    await settled(page);
    await expect(page.locator('#search-q').inputValue()).resolves.toBe(payload);
    await expect(page.locator('[data-status]').textContent()).resolves.toContain(payload.trim());
    // Typed again in the box, as a reader would.
    await page.locator('#search-q').fill(`${payload} velayati`);
    await settled(page);
    await page.waitForLoadState('networkidle');
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
