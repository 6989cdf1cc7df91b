import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idFromTitle, KIND_NAMES, scaffold, type ScaffoldRequest } from '../../src/lib/authoring/scaffold.ts';
import { makeContentTree, removeContentTrees, runPipeline } from '../fixtures/content-tree.ts';
import { runScript } from '../fixtures/run-script.ts';

afterAll(removeContentTrees);

const request = (overrides: Partial<ScaffoldRequest>): ScaffoldRequest => ({
  kind: 'article', title: 'Talks resume', knownTopics: ['diplomacy'], today: '2018-07-12', ...overrides,
});

describe('ids from titles', () => {
  it.each([
    ['Iran-Russia Ties Strategic, Longstanding: Velayati', 'iran-russia-ties-strategic-longstanding-velayati'],
    ['Zarif in Genève: “Talks are over”', 'zarif-in-geneve-talks-are-over'],
    ['Iran’s FM & the P5+1', 'irans-fm-and-the-p5-1'],
    ['Über die Straße', 'ueber-die-strasse'],
  ])('%s → %s', (title, id) => {
    expect(idFromTitle(title)).toBe(id);
  });

  it('cuts a long title at a word boundary, at most 80 characters', () => {
    const id = idFromTitle('The foreign minister said on Thursday that talks with the remaining parties to the nuclear deal would continue in Vienna next week');
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toMatch(/^the-foreign-minister-said-on-thursday-that-talks-with-the-remaining-[a-z-]*[a-z]$/);
    expect(id.endsWith('-')).toBe(false);
  });
});

describe('scaffold()', () => {
  it('puts an article in a year/month folder from its date, as a draft, in MDX unless asked for .md', () => {
    const result = scaffold(request({ date: '2015-07-14', topic: 'diplomacy' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scaffold.path).toBe('2015/07/talks-resume.mdx');
    expect(result.scaffold.id).toBe('2015/07/talks-resume');
    expect(result.scaffold.samePaths).toEqual(['2015/07/talks-resume.md', '2015/07/talks-resume.mdx']);
    expect(result.scaffold.text).toMatch(/^---\ntitle: "Talks resume"\n[\s\S]*\npubDate: 2015-07-14\ntopics: \[diplomacy\]\ndraft: true\n/);
    const md = scaffold(request({ topic: 'diplomacy', format: 'md' }));
    expect(md.ok && md.scaffold.path).toBe('2018/07/talks-resume.md');
  });

  it('requires a topic for an article and lists the topics there are', () => {
    const result = scaffold(request({ knownTopics: ['diplomacy', 'jcpoa'] }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('an article needs a topic: add --topic <id> (topics: diplomacy, jcpoa)') });
  });

  it('says how to create a topic when there is none', () => {
    const result = scaffold(request({ knownTopics: [] }));
    expect(result.ok || result.message).toContain('npm run new -- topic');
  });

  it('refuses an unknown topic with the closest one', () => {
    expect(scaffold(request({ topic: 'diplomaci' }))).toEqual({ ok: false, message: expect.stringContaining('unknown topic; did you mean "diplomacy"?') });
    expect(scaffold(request({ kind: 'topic', title: 'Sub', parent: 'diplomacyy' }))).toEqual({ ok: false, message: expect.stringContaining('did you mean "diplomacy"?') });
  });

  it('refuses dates the contract refuses', () => {
    expect(scaffold(request({ topic: 'diplomacy', date: '2018-02-30' })).ok).toBe(false);
    expect(scaffold(request({ topic: 'diplomacy', date: '2018-07' })).ok).toBe(false); // an article needs a day
    expect(scaffold(request({ kind: 'event', date: '2018-13' })).ok).toBe(false);
    expect(scaffold(request({ kind: 'event', date: '2015' })).ok).toBe(true);
  });

  it('asks for --id when the title gives no usable id', () => {
    expect(scaffold(request({ kind: 'person', title: '中文' }))).toEqual({ ok: false, message: expect.stringContaining('--id') });
    expect(scaffold(request({ kind: 'topic', title: '2018 elections' }))).toEqual({ ok: false, message: expect.stringContaining('starting with a letter') });
    expect(scaffold(request({ kind: 'topic', title: '2018 elections', id: 'elections-2018' })).ok).toBe(true);
  });

  it('writes files that pass the whole-archive validation, for every kind', () => {
    const files: Record<string, string> = {};
    for (const kind of KIND_NAMES) {
      const result = scaffold(request({ kind, title: `A new ${kind}`, topic: kind === 'article' || kind === 'event' ? 'diplomacy' : undefined }));
      if (!result.ok) throw new Error(result.message);
      files[`${result.scaffold.collection}/${result.scaffold.path}`] = result.scaffold.text;
    }
    const { root, contentDir } = makeContentTree(files);
    const { errors, report } = runPipeline(contentDir, root);
    expect(errors, report).toEqual([]);
  });
});

describe('npm run new (the real script)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-new-'));
  const env = { CHRONICLE_CONTENT_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates each kind in its folder, prints the path, and the tree passes npm run check', async () => {
    const commands = [
      ['topic', 'Iran nuclear deal', '--id', 'jcpoa'],
      ['topic', 'Sanctions', '--parent', 'jcpoa'],
      ['person', 'Ali Akbar Velayati'],
      ['organization', 'United Nations'],
      ['event', 'US withdraws from the JCPOA', '--date', '2018-05-08', '--topic', 'jcpoa'],
      ['event', 'Talks begin', '--date', '2018-05'],
      ['article', 'Talks to save the deal resume', '--topic', 'jcpoa', '--date', '2018-07-12'],
      ['article', 'A plain Markdown story', '--topic', 'sanctions', '--date', '2019-01-02', '--md'],
    ];
    const expected = [
      'topics/jcpoa.md', 'topics/sanctions.md', 'people/ali-akbar-velayati.md', 'organizations/united-nations.md',
      'events/us-withdraws-from-the-jcpoa.md', 'events/talks-begin.md',
      'articles/2018/07/talks-to-save-the-deal-resume.mdx', 'articles/2019/01/a-plain-markdown-story.md',
    ];
    for (const [index, args] of commands.entries()) {
      const run = await runScript('new', args, env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(join(dir, expected[index]!));
      expect(existsSync(join(dir, expected[index]!))).toBe(true);
    }
    const check = await runScript('check', ['--content-only'], env);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/Content: 8 files in .* checked in .*, no problems\./);
  });

  it('refuses to overwrite, even an article of the other extension at the same address', async () => {
    const target = join(dir, 'people/jane-doe.md');
    writeFileSync(target, 'mine');
    const run = await runScript('new', ['person', 'Jane Doe'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${target} already exists; nothing was written`);
    expect(readFileSync(target, 'utf8')).toBe('mine');

    const md = await runScript('new', ['article', 'Talks to save the deal resume', '--topic', 'jcpoa', '--date', '2018-07-20', '--md'], env);
    expect(md.code).toBe(1);
    expect(md.stderr).toContain('talks-to-save-the-deal-resume.mdx already exists');
  });

  it('--image puts the article in a folder with the picture beside it, shown as a figure, and the tree still passes', async () => {
    const picture = join(dir, '..', `${basename(dir)}-arrival.jpg`);
    writeFileSync(picture, 'jpeg bytes');
    const run = await runScript('new', ['article', 'Velayati arrives', '--topic', 'jcpoa', '--date', '2018-07-11', '--image', picture], env);
    expect(run.code, run.stderr).toBe(0);
    const article = join(dir, 'articles/2018/07/velayati-arrives/index.mdx');
    expect(run.stdout.trim()).toBe(article);
    expect(readFileSync(join(dirname(article), basename(picture)), 'utf8')).toBe('jpeg bytes');
    expect(readFileSync(article, 'utf8')).toContain(`](./${basename(picture)} "Caption")`);
    // The earlier test leaves a broken person file; the new article and its picture have no problem.
    const check = await runScript('check', ['--content-only'], env);
    expect(check.stdout + check.stderr).toContain('Checked');
    expect(check.stdout + check.stderr).not.toContain('velayati-arrives');
    const heic = await runScript('new', ['article', 'Another', '--topic', 'jcpoa', '--image', picture.replace(/jpg$/, 'heic')], env);
    expect(heic.stderr).toContain('there is no picture at');
    rmSync(picture);
  });

  it('explains a wrong command line', async () => {
    const noKind = await runScript('new', ['story', 'X'], env);
    expect(noKind.code).toBe(1);
    expect(noKind.stderr).toContain('unknown kind "story"');
    expect(noKind.stderr).toContain('Usage: npm run new --');
    const noTopic = await runScript('new', ['article', 'Untitled'], env);
    expect(noTopic.code).toBe(1);
    expect(noTopic.stderr).toContain('an article needs a topic: add --topic <id> (topics: jcpoa, sanctions)');
  });
});
