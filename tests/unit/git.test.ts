import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { forgetGitFacts, gitFactsOnce, lastCommitOf, pathInRepository, readGitHistory } from '../../src/lib/build/git.ts';

const temp: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-git-'));
  temp.push(dir);
  return dir;
}
afterAll(() => { for (const dir of temp) rmSync(dir, { recursive: true, force: true }); });

function git(cwd: string, args: string[], date?: string) {
  const env = {
    ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org',
    GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  return execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).toString();
}

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function commit(root: string, files: Record<string, string>, date: string) {
  write(root, files);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', `at ${date}`], date);
}

/** A spawn that counts how many processes the code under test starts. */
function countingSpawn() {
  const calls: string[][] = [];
  const wrapped = ((command: string, args: string[], options: object) => {
    calls.push([command, ...args]);
    return spawn(command, args, options);
  }) as unknown as typeof spawn;
  return { calls, spawn: wrapped };
}

let repo: string;
beforeAll(() => {
  repo = tempDir();
  git(repo, ['init', '-q', '-b', 'main']);
  commit(repo, {
    'README.md': 'outside the content folder',
    'content/articles/2018/first.md': 'one',
    'content/articles/2018/second.md': 'two',
    'content/people/jane-doe.md': 'jane',
  }, '2020-01-02T03:04:05Z');
  commit(repo, { 'content/articles/2018/first.md': 'one, corrected' }, '2021-06-07T08:09:10Z');
  commit(repo, { 'content/articles/2018/we"ird name ü.md': 'odd', 'README.md': 'changed later' }, '2022-03-04T05:06:07Z');
  write(repo, { 'content/articles/2018/uncommitted.md': 'new' });
});

describe('readGitHistory', () => {
  it('gives each file its last commit time, from a single git process', async () => {
    const counting = countingSpawn();
    const facts = await readGitHistory(join(repo, 'content'), { spawn: counting.spawn });
    expect(facts.warning).toBeUndefined();
    expect(counting.calls).toHaveLength(1);
    expect(counting.calls[0]!.slice(0, 4)).toEqual(['git', '-c', 'core.quotepath=off', 'log']);
    const date = (path: string) => lastCommitOf(facts, join(repo, path))?.toISOString();
    expect(date('content/articles/2018/first.md')).toBe('2021-06-07T08:09:10.000Z');
    expect(date('content/articles/2018/second.md')).toBe('2020-01-02T03:04:05.000Z');
    expect(date('content/people/jane-doe.md')).toBe('2020-01-02T03:04:05.000Z');
    expect(date('content/articles/2018/we"ird name ü.md')).toBe('2022-03-04T05:06:07.000Z');
    // Not committed yet, and outside the folder asked about.
    expect(date('content/articles/2018/uncommitted.md')).toBeUndefined();
    expect(facts.history!.lastCommit.has('README.md')).toBe(false);
  });

  it('reports paths inside the repository, for edit links', async () => {
    const facts = await readGitHistory(join(repo, 'content'));
    expect(pathInRepository(facts.history!, join(repo, 'content/people/jane-doe.md'))).toBe('content/people/jane-doe.md');
    expect(pathInRepository(facts.history!, join(tmpdir(), 'elsewhere.md'))).toBeUndefined();
  });

  it('has no output-size limit: reads a history far larger than a 1 MiB buffer', async () => {
    const big = tempDir();
    git(big, ['init', '-q', '-b', 'main']);
    const long = 'x'.repeat(200);
    // One commit of 6,000 paths sharing one blob, written by fast-import: writing and adding 6,000
    // real files took minutes on a loaded machine, and only the log's size matters here.
    const paths = Array.from({ length: 6000 }, (_, i) => `content/articles/${String(i).padStart(5, '0')}-${long}.md`);
    const stream = [
      'blob', 'mark :1', 'data 2', 'x', '',
      'commit refs/heads/main', 'committer Test <t@example.org> 1557126489 +0000', 'data 3', 'big',
      ...paths.map((path) => `M 100644 :1 ${path}`), '',
    ].join('\n');
    execFileSync('git', ['fast-import', '--quiet'], { cwd: big, input: stream });
    const listing = git(big, ['log', '-z', '--name-only', '--format=%ct', '--', 'content']);
    expect(listing.length).toBeGreaterThan(1024 * 1024);

    const counting = countingSpawn();
    const facts = await readGitHistory(join(big, 'content'), { spawn: counting.spawn });
    expect(counting.calls).toHaveLength(1);
    expect(facts.history!.lastCommit.size).toBe(6000);
    expect(lastCommitOf(facts, join(big, `content/articles/05999-${long}.md`))?.toISOString()).toBe('2019-05-06T07:08:09.000Z');
  });

  it('outside git: no history, a warning, and no git process at all', async () => {
    const plain = tempDir();
    write(plain, { 'content/articles/a.md': 'a' });
    const counting = countingSpawn();
    const facts = await readGitHistory(join(plain, 'content'), { spawn: counting.spawn });
    expect(facts.history).toBeUndefined();
    expect(facts.warning).toMatch(/is not inside a git repository/);
    expect(counting.calls).toHaveLength(0);
    expect(lastCommitOf(facts, join(plain, 'content/articles/a.md'))).toBeUndefined();
  });

  it('in a shallow clone: no history (its dates would all be the tip), and a warning', async () => {
    const clone = join(tempDir(), 'shallow');
    git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const facts = await readGitHistory(join(clone, 'content'));
    expect(facts.history).toBeUndefined();
    expect(facts.warning).toMatch(/shallow clone/);
  });

  it('a full clone of the same repository keeps the real dates', async () => {
    const clone = join(tempDir(), 'full');
    git(tmpdir(), ['clone', '-q', `file://${repo}`, clone]);
    const facts = await readGitHistory(join(clone, 'content'));
    expect(lastCommitOf(facts, join(clone, 'content/articles/2018/first.md'))?.toISOString()).toBe('2021-06-07T08:09:10.000Z');
  });
});

describe('gitFactsOnce', () => {
  it('reads once and warns once per build, however many pages ask', async () => {
    forgetGitFacts();
    const plain = tempDir();
    const warn = vi.fn();
    const counting = countingSpawn();
    const results = await Promise.all([1, 2, 3].map(() => gitFactsOnce(plain, warn, { spawn: counting.spawn })));
    await gitFactsOnce(plain, warn, { spawn: counting.spawn });
    expect(new Set(results).size).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/fall back to updatedDate or pubDate/);

    const inRepo = vi.fn();
    await Promise.all([1, 2].map(() => gitFactsOnce(join(repo, 'content'), inRepo, { spawn: counting.spawn })));
    expect(inRepo).not.toHaveBeenCalled();
    expect(counting.calls).toHaveLength(1);
    forgetGitFacts();
  });
});
