import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Each engineer or CI run can keep its builds apart with CHRONICLE_E2E_CACHE. */
const CACHE = process.env.CHRONICLE_E2E_CACHE || join(ROOT, '.cache', 'e2e');

export interface BuildOptions {
  /** A name for this build's folders under .cache/e2e/. */
  name: string;
  /** Content folder (CHRONICLE_CONTENT_DIR); the repository's content/ by default. */
  contentDir?: string;
  /** Deployment base path (CHRONICLE_BASE). */
  base?: string;
  env?: Record<string, string>;
  /** Empties the build's cache folder first, so nothing is reused from an earlier build (a cold build). */
  cold?: boolean;
}

export interface BuildResult {
  outDir: string;
  code: number;
  output: string;
}

/**
 * The test runner's environment without what Vitest puts there for its own
 * Vite (BASE_URL=/, MODE=test, DEV=1, NODE_ENV=test, …): a build inheriting
 * them ignores CHRONICLE_BASE in every link and builds as if in development.
 */
function inheritedEnv(): Record<string, string> {
  const vitestOwn = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
  return Object.fromEntries(Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !vitestOwn.has(entry[0]) && !entry[0].startsWith('VITEST'),
  ));
}

/** Runs the real `astro build` with Chronicle's environment variables, in its own output and cache folders. */
export function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = join(CACHE, options.name, 'dist');
  const cacheDir = join(CACHE, options.name, 'cache');
  rmSync(join(CACHE, options.name, STAMP), { force: true });
  rmSync(outDir, { recursive: true, force: true });
  // Astro's content cache keeps entries by file path: after a build from another content folder
  // (a new temp dir each run) its stale entries break the build, so the cache starts clean.
  const marker = join(cacheDir, 'content-dir.txt');
  const contentKey = options.contentDir ?? 'content/';
  if (options.cold || !existsSync(marker) || readFileSync(marker, 'utf8') !== contentKey) rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, contentKey);
  const env: Record<string, string> = {
    ...inheritedEnv(),
    CHRONICLE_OUT_DIR: outDir,
    CHRONICLE_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(options.contentDir ? { CHRONICLE_CONTENT_DIR: options.contentDir } : {}),
    ...(options.base ? { CHRONICLE_BASE: options.base } : {}),
    ...options.env,
  };
  return withBuildLock(() => new Promise((done, fail) => {
    // The same Node that runs the tests (24, from the `node` devDependency), whatever PATH says.
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ outDir, code: code ?? 1, output }));
  }));
}

/**
 * Astro writes generated modules into the project's own `.astro/` folder
 * whatever the output folder, so two builds of different content at once
 * corrupt each other. Builds from tests (and other processes using this
 * helper) take turns through a lock folder; a lock left by a dead process is
 * taken over.
 */
const LOCK = join(ROOT, '.cache', 'build.lock');
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = 0;
      try { holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8')); } catch { /* being written */ }
      const orphaned = !holder && Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 30_000;
      if ((holder && !isAlive(holder)) || orphaned) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((wait) => setTimeout(wait, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Marks a finished build with the test run and the inputs it was built from. */
const STAMP = 'build.json';

/**
 * What a build is made from: the content files (paths and bytes, so two temp
 * copies of the same fixture are the same input), the base and the environment.
 */
function inputsOf(options: BuildOptions): string {
  const contentDir = resolve(ROOT, options.contentDir ?? 'content');
  const hash = createHash('sha256');
  const files = readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(relative(contentDir, file)).update('\0').update(readFileSync(file)).update('\0');
  const env = Object.entries(options.env ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({ content: hash.digest('hex'), base: options.base ?? '', env });
}

/**
 * The test run: e2e/global-setup.ts sets it before the test files start, and
 * they inherit it. A build stamped by another run may predate a code change.
 */
const run = () => process.env.CHRONICLE_E2E_RUN;

/** A build finished earlier in this run, by any test file, from the same inputs. */
function finishedBuild(inputs: string): BuildResult | undefined {
  if (!run() || !existsSync(CACHE)) return undefined;
  for (const name of readdirSync(CACHE).sort()) {
    const stamp = join(CACHE, name, STAMP);
    if (!existsSync(stamp)) continue;
    const recorded = JSON.parse(readFileSync(stamp, 'utf8')) as { run: string; inputs: string; output: string };
    const outDir = join(CACHE, name, 'dist');
    if (recorded.run === run() && recorded.inputs === inputs && existsSync(join(outDir, 'index.html'))) {
      return { outDir, code: 0, output: recorded.output };
    }
  }
  return undefined;
}

/**
 * Builds once per test run: a finished build from the same inputs is reused,
 * whichever test file made it (test files do not share module state, so the
 * record is a stamp on disk next to the build).
 */
const builds = new Map<string, Promise<BuildResult>>();
export function buildOnce(options: BuildOptions): Promise<BuildResult> {
  let build = builds.get(options.name);
  if (!build) {
    const inputs = inputsOf(options);
    const earlier = finishedBuild(inputs);
    build = earlier ? Promise.resolve(earlier) : buildSite(options).then((result) => {
      if (result.code !== 0 || !existsSync(join(result.outDir, 'index.html'))) {
        throw new Error(`build "${options.name}" failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
      }
      if (run()) writeFileSync(join(CACHE, options.name, STAMP), JSON.stringify({ run: run(), inputs, output: result.output }));
      return result;
    });
    builds.set(options.name, build);
  }
  return build;
}
