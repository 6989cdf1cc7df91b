import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { generateCorpus, type CorpusManifest } from '../scripts/bench/corpus.ts';
import { readContentFiles } from '../src/lib/content-files.ts';
import { validateContent } from '../src/lib/validate.ts';
import { buildOnce, type BuildResult } from './helpers/site.ts';

/**
 * A small generated archive (the benchmark's generator, 200 articles) built
 * for real. Correctness only, never time: every published article has its
 * page and nothing else claims to be one, drafts are absent, every entity has
 * its page, old URLs lead to their article, and the build reports no error.
 */
let contentDir: string;
let manifest: CorpusManifest;
let build: BuildResult;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-smoke-'));
  contentDir = join(dir, 'content');
  manifest = generateCorpus(contentDir, { articles: 200, seed: 42 });
  build = await buildOnce({ name: 'smoke', contentDir });
});
afterAll(() => {
  if (contentDir) rmSync(join(contentDir, '..'), { recursive: true, force: true });
});

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
      const file = join(build.outDir, alias.endsWith('/') ? join(alias, 'index.html') : alias);
      expect(existsSync(file), alias).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`/articles/${id}/`);
    }
  });
});
