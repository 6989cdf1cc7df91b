import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentTree } from '../../src/lib/content/check.ts';
import { formatReport } from '../../src/lib/content/errors.ts';
import type { ValidationMemo } from '../../src/lib/content/validate.ts';
import { article, makeContentTree, md, removeContentTrees } from '../fixtures/content-tree.ts';

afterAll(removeContentTrees);

/**
 * The dev server checks the whole tree again after every save, keeping each
 * unchanged file's own outcome (src/integrations/content-pass.ts). What it
 * reports and hands on must be what a fresh check of the same files gives.
 */
describe('checking again with the outcome of unchanged files kept', () => {
  const memo: ValidationMemo = { digest: (text) => createHash('sha1').update(text).digest('base64'), files: new Map() };
  const env = {};
  const { root, contentDir } = makeContentTree({ 'articles/kept.md': article('', '\nKept as it is.\n') });
  const write = (path: string, text: string) => writeFileSync(join(contentDir, path), text);
  const check = (withMemo: boolean) => checkContentTree(root, env, withMemo ? memo : undefined);
  const same = () => {
    const kept = check(true);
    const fresh = check(false);
    expect(formatReport(kept.errors)).toBe(formatReport(fresh.errors));
    expect(kept.content).toEqual(fresh.content);
    return kept;
  };

  it('a file broken after a first check is reported with its file, line and field', () => {
    expect(same().errors).toEqual([]);
    write('articles/kept.md', article('countries: [XX]', '\nKept as it is.\n'));
    const { errors } = same();
    expect(formatReport(errors)).toMatch(/content\/articles\/kept\.md:6 {2}countries\[0\]: got "XX"/);
  });

  it('a reference to an id whose file is then deleted is reported on the unchanged file, at its line', () => {
    write('articles/kept.md', article('people: [ali-example]', '\nKept as it is.\n'));
    write('people/ali-example.md', md('name: Ali Example'));
    expect(same().errors).toEqual([]);
    rmSync(join(contentDir, 'people/ali-example.md'));
    expect(formatReport(same().errors)).toMatch(/content\/articles\/kept\.md:6 {2}people\[0\]: .*ali-example/);
  });

  it('the fixed file passes again, and an edited body reaches the content handed on', () => {
    write('people/ali-example.md', md('name: Ali Example'));
    write('articles/kept.md', article('people: [ali-example]', '\nRewritten.\n'));
    const { errors, content } = same();
    expect(errors).toEqual([]);
    expect(content.articles.find((entry) => entry.id === 'kept')?.body).toContain('Rewritten.');
  });
});
