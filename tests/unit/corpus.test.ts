import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusShape, generateCorpus } from '../../scripts/bench/corpus.ts';
import { PICTURE_SOURCES, writeCorpusPictures } from '../../scripts/bench/corpus-pictures.ts';
import { imageSize } from 'image-size';
import { checkContentTree } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { scanMdx } from '../../src/lib/content/body-scan.ts';
import { buildArchive } from '../../src/lib/model/archive.ts';

const dirs: string[] = [];
function corpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-corpus-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function allFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = join(entry.parentPath, entry.name);
      out.set(full.slice(dir.length), readFileSync(full, 'utf8'));
    }
  }
  return out;
}

describe('the benchmark corpus generator', () => {
  const dir = corpusDir();
  const manifest = generateCorpus(dir, { articles: 300, seed: 7 });
  const { files, errors: readErrors } = readContentFiles(dir, dir);
  const articles = files.filter((f) => f.collection === 'articles');
  const parsed = articles.map((f) => ({ file: f, ...parseFrontmatter(f.source) }));

  it('writes an archive that passes Chronicle’s own validation with no errors', () => {
    const { errors, content } = validateContent(files);
    expect(readErrors).toEqual([]);
    expect(errors).toEqual([]);
    expect(content.articles).toHaveLength(300);
    expect(content.topics).toHaveLength(manifest.topics);
    expect(content.people).toHaveLength(manifest.people);
    expect(content.organizations).toHaveLength(manifest.organizations);
    expect(content.events).toHaveLength(manifest.events);
  });

  it('is deterministic: the same seed writes byte-identical files, another seed does not', () => {
    const again = corpusDir();
    generateCorpus(again, { articles: 300, seed: 7 });
    expect(allFiles(again)).toEqual(allFiles(dir));
    const other = corpusDir();
    generateCorpus(other, { articles: 300, seed: 8 });
    expect(allFiles(other)).not.toEqual(allFiles(dir));
  });

  it('reports drafts and published articles that match the files', () => {
    const drafts = parsed.filter((p) => p.data.draft === true).map((p) => p.file.path.replace(/\.mdx?$/, ''));
    expect(manifest.draftIds.sort()).toEqual(drafts.sort());
    expect(manifest.publishedIds.length + manifest.draftIds.length).toBe(300);
    const archive = buildArchive(validateContent(files).content);
    expect(archive.articles.map((a) => a.id).sort()).toEqual([...manifest.publishedIds].sort());
  });

  it('gives articles several hundred words from a Zipf-like vocabulary', () => {
    const bodies = parsed.map((p) => p.body);
    const words = bodies.map((b) => b.split(/\s+/).filter(Boolean).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(200);
    expect(words.reduce((a, b) => a + b, 0) / words.length).toBeGreaterThan(400);
    const counts = new Map<string, number>();
    for (const body of bodies) for (const w of body.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    const ranked = [...counts.values()].sort((a, b) => b - a);
    // Zipf: the 10th word is roughly ten times rarer than the first, and there is a long tail of rare words.
    expect(ranked[0]! / ranked[9]!).toBeGreaterThan(4);
    expect(ranked.filter((c) => c === 1).length).toBeGreaterThan(500);
  });

  it('covers the contract: md and mdx, components, canonical and inline events, partial dates, aliases, languages', () => {
    expect(articles.some((f) => f.path.endsWith('.md'))).toBe(true);
    const mdx = articles.filter((f) => f.path.endsWith('.mdx'));
    expect(mdx.length).toBe(manifest.mdx);
    const used = mdx.flatMap((f) => scanMdx(f.source).components.map((c) => c.component));
    expect(used).toContain('Quote');
    expect(used).toContain('Timeline');
    const events = parsed.flatMap((p) => (Array.isArray(p.data.events) ? p.data.events : []));
    expect(events.some((e) => typeof e === 'string')).toBe(true);
    expect(events.some((e) => typeof e === 'object')).toBe(true);
    const eventDates = files.filter((f) => f.collection === 'events').map((f) => String(parseFrontmatter(f.source).data.date));
    expect(eventDates.some((d) => /^\d{4}$/.test(d))).toBe(true);
    expect(eventDates.some((d) => /^\d{4}-\d\d$/.test(d))).toBe(true);
    expect(eventDates.some((d) => /^\d{4}-\d\d-\d\d$/.test(d))).toBe(true);
    expect(Object.keys(manifest.aliases).length).toBeGreaterThan(0);
    expect(parsed.some((p) => p.data.lang === 'fa')).toBe(true);
    const topics = files.filter((f) => f.collection === 'topics').map((f) => parseFrontmatter(f.source).data);
    expect(topics.some((t) => typeof t.parent === 'string')).toBe(true);
  });

  it('names an editable published Markdown article for the rebuild measurement', () => {
    expect(manifest.editTarget).toMatch(/\.md$/);
    expect(manifest.publishedIds).toContain(manifest.editTarget.replace(/\.md$/, ''));
  });

  it('grows entities with the archive, topics more slowly than articles', () => {
    const small = corpusShape(1_000);
    const large = corpusShape(10_000);
    expect(large.people / small.people).toBeCloseTo(10, 0);
    expect(large.topics / small.topics).toBeGreaterThan(2);
    expect(large.topics / small.topics).toBeLessThan(10);
  });
});

describe('the benchmark corpus with pictures (--pictures 0.2)', async () => {
  const plain = corpusDir();
  const dir = corpusDir();
  const without = generateCorpus(plain, { articles: 120, seed: 5, mdxShare: 0.5 });
  const manifest = generateCorpus(dir, { articles: 120, seed: 5, mdxShare: 0.5, pictures: 0.2 });
  await writeCorpusPictures(dir, join(corpusDir(), 'sources'), manifest.pictures);
  const text = (files: Map<string, string>) => new Map([...files].filter(([path]) => !path.includes('/images/')));
  const strip = (source: string) => source.replace(/^image:\n(?: {2}.*\n)+/m, '').replace(/\n\n(?:!\[|<Figure )[^\n]*(?=\n)/g, '');

  it('gives a fifth of the articles a lead picture, and some two pictures in the body, leaving the rest of the text as it was', () => {
    expect(manifest.leadPictures / 120).toBeGreaterThan(0.1);
    expect(manifest.leadPictures / 120).toBeLessThan(0.3);
    expect(manifest.bodyPictures).toBeGreaterThan(0);
    expect(manifest.publishedIds).toEqual(without.publishedIds);
    const withPictures = text(allFiles(dir));
    const plainFiles = allFiles(plain);
    expect([...withPictures.keys()].sort()).toEqual([...plainFiles.keys()].sort());
    for (const [path, source] of withPictures) expect(strip(source), path).toBe(plainFiles.get(path));
  });

  it('writes real pictures of a realistic size that pass the build\'s checks (lead pictures at least a share card)', () => {
    expect(checkContentTree(dir, { CHRONICLE_CONTENT_DIR: dir }).errors).toEqual([]);
    for (const picture of manifest.pictures) {
      const file = join(dir, picture.path);
      const size = imageSize(readFileSync(file));
      const source = PICTURE_SOURCES[picture.kind][picture.source]!;
      expect({ width: size.width, height: size.height, type: size.type }).toEqual({ width: source.width, height: source.height, type: source.format === 'jpeg' ? 'jpg' : 'png' });
      if (picture.kind === 'lead') expect(statSync(file).size).toBeGreaterThan(150_000);
    }
  });
});
