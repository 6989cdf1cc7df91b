import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { generateCorpus, type CorpusManifest } from '../scripts/bench/corpus.ts';
import { readContentFiles } from '../src/lib/content/files.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { buildOnce, type BuildResult } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { statusBecomes } from './helpers/search-page.ts';
import { partOf, type PartsManifest } from '../src/lib/search/parts.ts';
import { parseFrontmatter } from '../src/lib/content/frontmatter.ts';

/**
 * A small generated archive (the benchmark's generator, 200 articles) built
 * for real. Correctness only, never time: every published article has its
 * page and nothing else claims to be one, drafts are absent, every entity has
 * its page, old URLs lead to their article, and the build reports no error.
 * The search index is built in small parts here (CHRONICLE_SEARCH_PART_PAGES)
 * so that merging them in the browser is exercised as a large archive would.
 */
let contentDir: string;
let manifest: CorpusManifest;
let build: BuildResult;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-smoke-'));
  contentDir = join(dir, 'content');
  manifest = generateCorpus(contentDir, { articles: 200, seed: 42 });
  build = await buildOnce({ name: 'smoke', contentDir, env: { CHRONICLE_SEARCH_PART_PAGES: String(PART_PAGES) } });
});
afterAll(() => {
  if (contentDir) rmSync(join(contentDir, '..'), { recursive: true, force: true });
});

const PART_PAGES = 60;

/** Site paths of every `index.html` under a folder of dist/, e.g. `2018/07/slug` under `articles`. */
function pagesUnder(folder: string): string[] {
  const root = join(build.outDir, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => relative(root, entry.parentPath).split(sep).join('/'))
    .filter((path) => path !== '');
}

describe('a 200-article generated archive, built', () => {
  it('is a valid archive to begin with', () => {
    const { files, errors } = readContentFiles(contentDir, contentDir);
    expect(errors).toEqual([]);
    expect(validateContent(files).errors).toEqual([]);
    expect(manifest.publishedIds.length).toBeGreaterThan(150);
    expect(manifest.draftIds.length).toBeGreaterThan(0);
  });

  it('builds with no error in its output', () => {
    expect(build.code).toBe(0);
    expect(build.output).not.toMatch(/\[ERROR\]|\berror\b.*\bfailed\b|Unhandled|RangeError/i);
  });

  it('writes exactly one page per published article', () => {
    const pages = pagesUnder('articles').sort();
    expect(pages).toEqual([...manifest.publishedIds].sort());
    for (const id of manifest.publishedIds.slice(0, 20)) {
      const html = readFileSync(join(build.outDir, 'articles', id, 'index.html'), 'utf8');
      expect(html).toMatch(/<h1[^>]*>/);
    }
  });

  it('leaves every draft out, everywhere', () => {
    for (const id of manifest.draftIds) expect(existsSync(join(build.outDir, 'articles', id))).toBe(false);
    const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    for (const id of manifest.draftIds) expect(home).not.toContain(`/articles/${id}/`);
  });

  it('gives every topic, person, organization and event its page', () => {
    const ids = (collection: string) => readdirSync(join(contentDir, collection)).map((name) => name.replace(/\.md$/, ''));
    for (const collection of ['topics', 'people', 'organizations', 'events']) {
      const pages = new Set(pagesUnder(collection));
      const missing = ids(collection).filter((id) => !pages.has(id));
      expect(missing, `${collection} without a page`).toEqual([]);
    }
  });

  it('keeps every old URL leading to its article', () => {
    const aliases = Object.entries(manifest.aliases);
    expect(aliases.length).toBeGreaterThan(0);
    for (const [alias, id] of aliases) {
      // Written as the file itself or, in directory format, as <alias>/index.html.
      const direct = join(build.outDir, alias);
      const file = existsSync(direct) && !statSync(direct).isDirectory() ? direct : join(direct, 'index.html');
      expect(existsSync(file), alias).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`/articles/${id}/`);
    }
  });
});

describe('search over an index in parts', () => {
  let browser: Browser | undefined;
  let site: StaticServer | undefined;
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('finds pages from every part of the index', async () => {
    const manifest = JSON.parse(readFileSync(join(build.outDir, 'pagefind', 'parts.json'), 'utf8')) as PartsManifest;
    const parts = manifest.parts.length + 1;
    expect(parts).toBeGreaterThan(2);
    // One person per part, found by name: their page lives in that part only.
    const people = readdirSync(join(contentDir, 'people')).map((name) => {
      const id = name.replace(/\.md$/, '');
      return { id, name: String(parseFrontmatter(readFileSync(join(contentDir, 'people', name), 'utf8')).data.name) };
    });
    const byPart = new Map<number, { id: string; name: string }>();
    for (const person of people) {
      const part = partOf(`/people/${person.id}/`, parts);
      if (!byPart.has(part)) byPart.set(part, person);
    }
    expect(byPart.size).toBeGreaterThan(2);

    site = await serveDir(build.outDir);
    browser = await launchBrowser();
    const { page, errors } = await openPage(browser, site.origin);
    for (const person of byPart.values()) {
      await page.goto(new URL(`search/?q=${encodeURIComponent(person.name)}`, site.url).href);
      await statusBecomes(page, /results? for/);
      const links = await page.locator('[data-results] a[data-result-link]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(links, person.name).toContain(`/people/${person.id}/`);
    }
    expect(errors).toEqual([]);
  });
});
