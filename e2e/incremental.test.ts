import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, type CorpusManifest } from '../scripts/bench/corpus.ts';
import { buildSite, type BuildResult } from './helpers/site.ts';
import { differences, digest } from './helpers/dist-digest.ts';

/**
 * Rebuilds reuse pages from the previous build (Astro's incremental build,
 * keyed by src/lib/routes/cache-keys.ts). A reused page must be the page a
 * cold build writes: after each kind of edit an author makes, the rebuilt
 * dist/ equals a cold build's dist/ of the same content, file for file and
 * byte for byte (pages, feeds, sitemaps, redirects, the search index).
 *
 * One small generated archive is edited in turn; each edit is rebuilt on
 * the cache left by the build before it, as an author's next build would be.
 */
const DAY = { CHRONICLE_BUILD_DATE: '2026-07-12' };
let contentDir: string;
let manifest: CorpusManifest;

const articleFile = (id: string) => {
  const dir = join(contentDir, 'articles', id.split('/').slice(0, -1).join('/'));
  const name = readdirSync(dir).find((file) => file.replace(/\.mdx?$/, '') === id.split('/').at(-1))!;
  return join(dir, name);
};
const read = (file: string) => readFileSync(file, 'utf8');
/** Replaces the first match of `pattern` in a file; fails the test if there is none (the fixture changed). */
function edit(file: string, pattern: RegExp, replacement: string) {
  const text = read(file);
  if (!pattern.test(text)) throw new Error(`${file} has no ${pattern}`);
  writeFileSync(file, text.replace(pattern, replacement));
}
/** An article's frontmatter list field, whether written `[a, b]` or as `- a` lines. */
function listOf(file: string, field: string): string[] {
  const text = read(file);
  const inline = new RegExp(`^${field}: \\[(.*)\\]$`, 'm').exec(text);
  if (inline) return inline[1]!.split(',').map((item) => item.trim().replace(/^"|"$/g, '')).filter(Boolean);
  const block = new RegExp(`^${field}:\\n((?:  - .*\\n)+)`, 'm').exec(text);
  return block ? block[1]!.trim().split('\n').map((line) => line.replace(/^\s*- /, '').trim()) : [];
}
/** Published articles that name an entity of `field`, in generation order. */
const namingArticles = (field: string) => manifest.publishedIds.filter((id) => listOf(articleFile(id), field).length > 0);

/** Pages the last build rendered, and pages it copied from the cache. */
function renders(build: BuildResult) {
  const pages = build.output.split('\n').filter((line) => line.includes('├─'));
  const reused = pages.filter((line) => /\((restored|cached)\)/.test(line)).length;
  return { rendered: pages.length - reused, reused };
}

async function rebuildEqualsCold() {
  const incremental = await buildSite({ name: 'incremental', contentDir, env: DAY });
  expect(incremental.code, incremental.output.slice(-3000)).toBe(0);
  const cold = await buildSite({ name: 'incremental-cold', contentDir, env: DAY, cold: true });
  expect(cold.code, cold.output.slice(-3000)).toBe(0);
  const a = digest(incremental.outDir);
  const b = digest(cold.outDir);
  expect(a.size).toBeGreaterThan(100);
  expect(differences(a, b)).toEqual([]);
  return renders(incremental);
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-incremental-'));
  contentDir = join(dir, 'content');
  manifest = generateCorpus(contentDir, { articles: 40, seed: 5 });
  const first = await buildSite({ name: 'incremental', contentDir, env: DAY, cold: true });
  expect(first.code, first.output.slice(-3000)).toBe(0);
});
afterAll(() => {
  if (contentDir) rmSync(join(contentDir, '..'), { recursive: true, force: true });
});

// Each test builds two to four times (the rebuild and a cold build to compare): its budget is builds', not a check's.
describe('a rebuild after an edit equals a cold build', { timeout: 1_200_000 }, () => {
  it('nothing edited: every page is reused', async () => {
    const { rendered, reused } = await rebuildEqualsCold();
    expect(reused).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(reused);
  });

  it("an article's body", async () => {
    const file = articleFile(namingArticles('topics')[0]!);
    writeFileSync(file, `${read(file)}\nA paragraph added by an author after the first build.\n`);
    await rebuildEqualsCold();
  });

  it("an article's title", async () => {
    edit(articleFile(namingArticles('people')[1]!), /^title: .*$/m, 'title: "A headline fixed after publication"');
    // Pages that do not show the article are copied from the cache (page-scopes.ts), not rendered again.
    const { rendered, reused } = await rebuildEqualsCold();
    expect(reused).toBeGreaterThan(rendered);
  });

  it("an article's date, into another year", async () => {
    edit(articleFile(namingArticles('events')[0]!), /^pubDate: .*$/m, 'pubDate: "1999-03-04T10:00:00Z"');
    await rebuildEqualsCold();
  });

  it('a topic added to an article, then removed', async () => {
    const file = articleFile(namingArticles('topics')[2]!);
    const topics = listOf(file, 'topics');
    const other = readdirSync(join(contentDir, 'topics')).map((name) => name.replace(/\.md$/, '')).find((id) => !topics.includes(id))!;
    edit(file, /^topics: .*$/m, `topics: [${[...topics, other].join(', ')}]`);
    await rebuildEqualsCold();
    edit(file, /^topics: .*$/m, `topics: [${topics.join(', ')}]`);
    await rebuildEqualsCold();
  });

  it('a correction added to an article', async () => {
    edit(articleFile(namingArticles('topics')[3]!), /^---\n/, '---\ncorrections:\n  - date: "2026-01-02"\n    text: "An earlier version gave the wrong city."\n');
    await rebuildEqualsCold();
  });

  it('a person renamed', async () => {
    const person = listOf(articleFile(namingArticles('people')[0]!), 'people')[0]!;
    edit(join(contentDir, 'people', `${person}.md`), /^name: .*$/m, 'name: "Renamed Person"');
    await rebuildEqualsCold();
  });

  it('an event moved to another date', async () => {
    const event = listOf(articleFile(namingArticles('events')[1]!), 'events')[0]!;
    edit(join(contentDir, 'events', `${event}.md`), /^date: .*$/m, 'date: "2011-11-11"');
    await rebuildEqualsCold();
  });

  it('an article deleted', async () => {
    rmSync(articleFile(namingArticles('people').at(-1)!));
    await rebuildEqualsCold();
  });

  it('a draft published', async () => {
    edit(articleFile(manifest.draftIds[0]!), /^draft: true\n/m, '');
    await rebuildEqualsCold();
  });
});
