import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { annotations, markdownSummary } from '../../src/lib/authoring/ci-report.ts';
import { makeContentTree, md, removeContentTrees, VALID_ARTICLE } from '../fixtures/content-tree.ts';

afterAll(removeContentTrees);
const ROOT = resolve(import.meta.dirname, '../..');

describe('content problems in a CI run', () => {
  it('says so when everything is valid', () => {
    expect(markdownSummary([])).toContain('Every content file is valid.');
  });

  it('lists file, line, field and problem in a table, escaping what would break it', () => {
    const text = markdownSummary([
      { file: 'content/articles/b.md', field: 'topics[1]', line: 7, message: 'unknown topic "jcpo"; did you mean "jcpoa"?' },
      { file: 'content/articles/a.md', message: 'got "x | y",\nexpected a date' },
    ]);
    const rows = text.split('\n').filter((line) => line.startsWith('| '));
    expect(rows[0]).toBe('| file | line | field | problem |');
    expect(rows[1]).toBe('| --- | --- | --- | --- |');
    expect(rows[2]).toBe('| `content/articles/a.md` |  |  | got "x \\| y",<br>expected a date |');
    expect(rows[3]).toBe('| `content/articles/b.md` | 7 | `topics[1]` | unknown topic "jcpo"; did you mean "jcpoa"? |');
    expect(text).toContain('2 problems in 2 files.');
  });

  it('pins each problem to its file and line as a GitHub annotation', () => {
    expect(annotations([{ file: 'content/a, b.md', line: 3, field: 'source.url', message: '100% wrong\nreally' }]))
      .toEqual(['::error file=content/a%2C b.md,line=3,title=Content%3A source.url::100%25 wrong%0Areally']);
  });

  it('reports a broken pull request in the run summary with file and field (the real script)', () => {
    const { contentDir } = makeContentTree({
      'articles/2019/broken.md': md(VALID_ARTICLE.replace('topics: [diplomacy]', 'topics: [diplomcy]').replace('2018-07-12', '2019-02-30')),
    });
    const out = mkdtempSync(join(tmpdir(), 'chronicle-summary-'));
    const summaryFile = join(out, 'summary.md');
    try {
      const run = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/ci-summary.ts')], {
        env: { ...process.env, CHRONICLE_CONTENT_DIR: contentDir, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: 'true' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      const summary = readFileSync(summaryFile, 'utf8');
      expect(summary).toMatch(/\| `[^`]*content\/articles\/2019\/broken\.md` \| \d+ \| `topics\[0\]` \| unknown topic "diplomcy"; did you mean "diplomacy"\? \|/);
      expect(summary).toMatch(/broken\.md` \| \d+ \| `pubDate` \|/);
      expect(run.stdout).toMatch(/^::error file=[^,]*content\/articles\/2019\/broken\.md,line=\d+,title=Content%3A topics\[0\]::unknown topic "diplomcy"/m);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
