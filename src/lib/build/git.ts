import { spawn as nodeSpawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * Facts from git about the content files: when each was last committed, and
 * its path inside the repository (for "Edit this page" links).
 *
 * The whole tree's history is read by ONE `git log` process whose output is
 * consumed as a stream, record by record, so there is no output-size limit and
 * the cost does not grow with one process per file.
 */
export interface GitHistory {
  /** The repository's top-level folder, absolute. */
  root: string;
  /** Last commit time per file, by path inside the repository (`/`-separated). */
  lastCommit: Map<string, Date>;
}

export interface GitFacts {
  history?: GitHistory;
  /** Why there is no history (not a repository, a shallow clone, git failed). */
  warning?: string;
}

export interface Repository {
  root: string;
  /** The folder holding `shallow`, `HEAD`, objects: `.git`, or a worktree's common dir. */
  commonDir: string;
}

type Spawn = typeof nodeSpawn;

/**
 * The repository that holds `dir`, found by walking up to a `.git` folder
 * (or a `.git` file, as in worktrees and submodules). Reading the file system
 * instead of asking git keeps the build at exactly one git process.
 */
function findRepository(dir: string): Repository | undefined {
  let current = resolve(dir);
  for (;;) {
    const dotGit = join(current, '.git');
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) return { root: current, commonDir: dotGit };
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
      if (!pointer) return undefined;
      const gitDir = isAbsolute(pointer) ? pointer : resolve(current, pointer);
      const common = join(gitDir, 'commondir');
      const commonDir = existsSync(common) ? resolve(gitDir, readFileSync(common, 'utf8').trim()) : gitDir;
      return { root: current, commonDir };
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** A shallow clone lists its cut-off commits in `shallow`; its dates would all be the clone's tip. */
function isShallow(repository: Repository): boolean {
  return existsSync(join(repository.commonDir, 'shallow'));
}

const COMMIT = '\x1e';

/**
 * Reads the last commit time of every file under `dir` with one `git log`.
 * Never throws: outside a repository, in a shallow clone or when git fails it
 * returns a warning instead, and callers fall back to the frontmatter dates.
 */
export async function readGitHistory(dir: string, options: { spawn?: Spawn } = {}): Promise<GitFacts> {
  const repository = findRepository(dir);
  if (!repository) return { warning: `${dir} is not inside a git repository` };
  if (isShallow(repository)) return { warning: `${repository.root} is a shallow clone, so its commit dates are not the files' own` };
  const pathspec = relative(repository.root, resolve(dir)).split(sep).join('/') || '.';
  const spawn = options.spawn ?? nodeSpawn;
  // -z: NUL-separated, unquoted file names; %x1e marks each commit's timestamp.
  const args = ['-c', 'core.quotepath=off', 'log', '-z', '--no-renames', `--format=${COMMIT}%ct`, '--name-only', '--', pathspec];

  return new Promise((done) => {
    const lastCommit = new Map<string, Date>();
    let child: ReturnType<Spawn>;
    try {
      child = spawn('git', args, { cwd: repository.root, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      done({ warning: `could not run git: ${(error as Error).message}` });
      return;
    }
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let time: Date | undefined;
    let stderr = '';
    const take = (record: string) => {
      const token = record.startsWith('\n') ? record.slice(1) : record;
      if (token.startsWith(COMMIT)) time = new Date(Number(token.slice(1)) * 1000);
      // Newest first in the usual case; keeping the latest also survives commits with skewed clocks.
      else if (token && time) {
        const known = lastCommit.get(token);
        if (!known || time > known) lastCommit.set(token, time);
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      const records = (pending + decoder.write(chunk)).split('\0');
      pending = records.pop() ?? '';
      for (const record of records) take(record);
    });
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk; });
    child.on('error', (error) => done({ warning: `could not run git: ${error.message}` }));
    child.on('close', (code) => {
      take(pending + decoder.end());
      if (code !== 0) done({ warning: `git log failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}` });
      else done({ history: { root: repository.root, lastCommit } });
    });
  });
}

/** The file's path inside its repository, or undefined outside it. */
export function pathInRepository(history: GitHistory, file: string): string | undefined {
  const inside = relative(history.root, resolve(file));
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split(sep).join('/') : undefined;
}

/** When the file was last committed, if git knows it. */
export function lastCommitOf(facts: GitFacts, file: string): Date | undefined {
  if (!facts.history) return undefined;
  const path = pathInRepository(facts.history, file);
  return path ? facts.history.lastCommit.get(path) : undefined;
}

/** What this module instance has read, by folder. */
let store = new Map<string, Promise<GitFacts>>();

/**
 * The git facts for `dir`, read once by each module instance that asks: the
 * pages' bundle (dates and edit links) and the integration (the sitemap's
 * dates) each run one `git log`. `warn` is called at most once per folder.
 */
export function gitFactsOnce(dir: string, warn: (message: string) => void, options: { spawn?: Spawn } = {}): Promise<GitFacts> {
  const key = resolve(dir);
  let facts = store.get(key);
  if (!facts) {
    facts = readGitHistory(key, options).then((result) => {
      if (result.warning) warn(`${result.warning}; "last updated" dates fall back to updatedDate or pubDate.`);
      return result;
    });
    store.set(key, facts);
  }
  return facts;
}

/** Forgets what `gitFactsOnce` has read (for the dev server and tests). */
export function forgetGitFacts(): void {
  store = new Map();
}
