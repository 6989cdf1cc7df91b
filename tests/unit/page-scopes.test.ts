import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { readContentFiles } from '../../src/lib/content/files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { buildArchive } from '../../src/lib/model/archive.ts';
import { archiveQuoteLedger } from '../../src/lib/model/quote-ledger.ts';
import { ENTITY_KINDS, type EntityKind } from '../../src/lib/core/kinds.ts';
import { scopesOf } from '../../src/lib/routes/page-scopes.ts';

/**
 * Which pages an edit renders again (their incremental-build scope changes):
 * an article's frontmatter edit changes its page and the first pages of what
 * it names, and leaves most other article and entity pages alone; a person's
 * rename changes that person's pages and the pages that name them. That the
 * pages left alone are byte for byte what a cold build writes is
 * e2e/incremental.test.ts's part.
 */
const dir = mkdtempSync(join(tmpdir(), 'chronicle-scopes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const manifest = generateCorpus(dir, { articles: 80, seed: 11 });

/** Every article page's and entity first page's scope, by page. */
function scopes(): Map<string, string> {
  const { content } = validateContent(readContentFiles(dir, dir).files);
  const archive = buildArchive(content);
  const files = new Map<EntityKind, Map<string, string>>(ENTITY_KINDS.map((kind) => [kind, new Map(
    (content[kind] as { id: string; data: unknown; body: string }[]).map((entry) => [kind === 'countries' ? entry.id.toLowerCase() : entry.id, JSON.stringify([entry.data, entry.body])]),
  )]));
  const page = scopesOf({ archive, ledger: archiveQuoteLedger(archive, () => []), facts: { articles: new Map() }, files });
  const all = new Map<string, string>();
  for (const article of archive.articles) all.set(`articles/${article.id}`, page.article(article.id));
  for (const [kind, records] of archive.entities) for (const id of records.keys()) all.set(`${kind}/${id}`, page.entity(kind, id));
  return all;
}
const changed = (before: Map<string, string>, after: Map<string, string>) => [...after.keys()].filter((key) => before.get(key) !== after.get(key));
const articleFile = (id: string) => ['.md', '.mdx'].map((ext) => join(dir, 'articles', `${id}${ext}`)).find((file) => { try { readFileSync(file); return true; } catch { return false; } })!;
const listField = (text: string, field: string) => new RegExp(`^${field}: \\[(.*)\\]$`, 'm').exec(text)?.[1]?.split(',').map((s) => s.trim().replace(/^"|"$/g, '')) ?? [];

describe('page scopes', () => {
  it("an article's title: its page and the first pages of what it names, not the whole site", () => {
    const before = scopes();
    const id = manifest.publishedIds.find((candidate) => listField(readFileSync(articleFile(candidate), 'utf8'), 'people').length > 0)!;
    const file = articleFile(id);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: "A headline fixed after publication"'));
    const edited = changed(before, scopes());
    expect(edited).toContain(`articles/${id}`);
    for (const topic of listField(text, 'topics')) expect(edited).toContain(`topics/${topic}`);
    for (const person of listField(text, 'people')) expect(edited).toContain(`people/${person}`);
    const articles = before.size - [...before.keys()].filter((key) => !key.startsWith('articles/')).length;
    expect(edited.filter((key) => key.startsWith('articles/')).length).toBeLessThan(articles / 2);
    expect(edited.length).toBeLessThan(before.size / 2);
  });

  it("a person renamed: that person's pages and the pages that name them", () => {
    const before = scopes();
    const id = manifest.publishedIds.find((candidate) => listField(readFileSync(articleFile(candidate), 'utf8'), 'people').length > 0)!;
    const person = listField(readFileSync(articleFile(id), 'utf8'), 'people')[0]!;
    const file = join(dir, 'people', `${person}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: "Renamed Person"'));
    const edited = changed(before, scopes());
    expect(edited).toContain(`people/${person}`);
    expect(edited).toContain(`articles/${id}`);
    const naming = [...before.keys()].filter((key) => key.startsWith('articles/') && listField(readFileSync(articleFile(key.slice('articles/'.length)), 'utf8'), 'people').includes(person));
    for (const page of naming) expect(edited).toContain(page);
    expect(edited.length).toBeLessThan(before.size / 2);
  });
});
