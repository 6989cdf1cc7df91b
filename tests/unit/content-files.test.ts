import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hasCollectionFiles } from '../../src/lib/content/files.ts';

const dirs: string[] = [];
function tree(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-files-'));
  dirs.push(dir);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), '---\n---\n');
  }
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('hasCollectionFiles', () => {
  it('says no for an absent folder, an empty one, or one with only files the collection does not take', () => {
    const dir = tree(['people/notes.txt', 'people/.hidden.md', 'countries/nested/ir.md']);
    mkdirSync(join(dir, 'topics'));
    expect(hasCollectionFiles(dir, 'organizations')).toBe(false);
    expect(hasCollectionFiles(dir, 'topics')).toBe(false);
    expect(hasCollectionFiles(dir, 'people')).toBe(false);
    // Only articles/ takes files in subfolders.
    expect(hasCollectionFiles(dir, 'countries')).toBe(false);
  });

  it('finds a file of the collection\'s kind, articles in year and month folders included', () => {
    const dir = tree(['countries/ir.md', 'articles/2018/07/story.mdx', 'events/a.mdx']);
    expect(hasCollectionFiles(dir, 'countries')).toBe(true);
    expect(hasCollectionFiles(dir, 'articles')).toBe(true);
    expect(hasCollectionFiles(dir, 'events')).toBe(false);
  });
});
