import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article, makeContentTree, md, removeContentTrees, reported, runPipeline } from '../fixtures/content-tree.ts';
import { REPO, runScript } from '../fixtures/run-script.ts';
import { formatReport } from '../../src/lib/content/errors.ts';
import { contentPass } from '../../src/integrations/content-pass.ts';

afterAll(removeContentTrees);

/** Five broken files of five kinds, next to the valid base archive. */
const BROKEN = {
  'articles/2018/missing-title.md': md('description: x\npubDate: 2018-07-12\ntopics: [diplomacy]'),
  'articles/2018/bad-topic.mdx': article('', '\n<Quote by="jane-do">Words.</Quote>\n').replace('topics: [diplomacy]', 'topics: [diplomacey]'),
  'events/impossible.md': md('title: Talks\ndate: 2018-02-30'),
  'people/bad-country.md': md('name: P\ncountry: XX'),
  'topics/typo.md': md('title: T\ndescription: d\nparnet: diplomacy'),
};

describe('npm run check (the real script)', () => {
  it('lists every problem of every broken file, grouped by file, and exits non-zero', async () => {
    const { contentDir } = makeContentTree(BROKEN);
    const run = await runScript('check', [], { CHRONICLE_CONTENT_DIR: contentDir });
    expect(run.code).toBe(1);
    const report = run.stderr;
    const file = (path: string) => {
      // Files outside the repository are shown relative to it (../../tmp/…), exactly as the build shows them.
      const line = report.split('\n').find((l) => l.endsWith(path) && !l.startsWith(' '));
      expect(line, `a group for ${path} in:\n${report}`).toBeDefined();
      return line!;
    };
    expect(report).toMatch(/^Chronicle found 6 content problems in 5 files; fix them and run `npm run check` again\./);
    expect(report).toMatch(reported(file('articles/2018/missing-title.md'), { field: 'title', has: ['required'] }));
    expect(report).toMatch(reported(file('articles/2018/bad-topic.mdx'), { line: 5, field: 'topics[0]', has: ['"diplomacey"', 'did you mean "diplomacy"?'] }));
    expect(report).toMatch(reported(file('articles/2018/bad-topic.mdx'), { line: 8, field: '<Quote by>', has: ['"jane-do"', 'did you mean "jane-doe"?'] }));
    expect(report).toMatch(reported(file('events/impossible.md'), { line: 3, field: 'date', has: ['"2018-02-30"', 'a real day'] }));
    expect(report).toMatch(reported(file('people/bad-country.md'), { field: 'country', has: ['"XX"'] }));
    expect(report).toMatch(reported(file('topics/typo.md'), { field: 'parnet', has: ['unknown field', 'did you mean "parent"?'] }));
    expect(run.stdout).toContain('Types were not checked');
    // The report is the last thing printed.
    expect(report.trim().split('\n').at(-1)).toMatch(/^ {2}\S*content\/.*: /);
  });

  it('reports exactly what the build reports: one validation, shared', async () => {
    const { root, contentDir } = makeContentTree(BROKEN);
    const run = await runScript('check', ['--content-only'], { CHRONICLE_CONTENT_DIR: contentDir });
    // The integration's own entry point, which astro:config:setup runs (content/ under `root`).
    const pass = contentPass();
    pass.setRoot(root);
    const build = formatReport(pass.result().errors);
    // The build shows paths from `root`, the script from the repository: compare from content/ on.
    const problems = (report: string) => report.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.replace(/^\s+\S*?(?=content\/)/, ''));
    expect(problems(run.stderr)).toHaveLength(6);
    expect(problems(run.stderr)).toEqual(problems(build));
  });

  it('passes a valid tree and says how many files it read', async () => {
    const { contentDir } = makeContentTree();
    const run = await runScript('check', ['--content-only'], { CHRONICLE_CONTENT_DIR: contentDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Content: 5 files in .+ checked in \d+(?:\.\d)? m?s, no problems\.$/m);
  });
});

describe('the example report in the guide (/guide/checking/)', () => {
  it('is what npm run check really prints for those mistakes', () => {
    const guide = readFileSync(join(REPO, 'src/pages/guide/checking.mdx'), 'utf8');
    const example = /## Reading the report[\s\S]*?```\n([\s\S]*?)\n```/.exec(guide)?.[1];
    expect(example).toBeDefined();
    const { root, contentDir } = makeContentTree({
      'topics/jcpoa.md': md('title: JCPOA\ndescription: The nuclear deal.'),
      'articles/2018/07/talks.mdx': md('title: Talks\ndescription: D\npubDate: 2018-07-12\ntopics: [jcpo]\npeople: [jane-doe]\ndateline: VIENNA\nlang: en\ncountries: [IR, UK]'),
      'events/talks-begin.md': md('title: Talks begin\ndate: 2018-02-30'),
    });
    const { errors } = runPipeline(contentDir, root);
    expect(formatReport(errors, 'fix them and run `npm run check` again')).toBe(example);
  });
});
