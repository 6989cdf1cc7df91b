import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
  rmSync(outDir, { recursive: true, force: true });
  // Astro's content cache keeps entries by file path: after a build from another content folder
  // (a new temp dir each run) its stale entries break the build, so the cache starts clean.
  const marker = join(cacheDir, 'content-dir.txt');
  const contentKey = options.contentDir ?? 'content/';
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== contentKey) rmSync(cacheDir, { recursive: true, force: true });
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

/** Builds once per test run: reuses a finished build of the same name. */
const builds = new Map<string, Promise<BuildResult>>();
export function buildOnce(options: BuildOptions): Promise<BuildResult> {
  let build = builds.get(options.name);
  if (!build) {
    build = buildSite(options).then((result) => {
      if (result.code !== 0 || !existsSync(join(result.outDir, 'index.html'))) {
        throw new Error(`build "${options.name}" failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
      }
      return result;
    });
    builds.set(options.name, build);
  }
  return build;
}
