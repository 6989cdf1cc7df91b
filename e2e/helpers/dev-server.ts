import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './site.ts';
import { cleanEnv } from '../../tests/fixtures/run-script.ts';

export interface DevServer {
  /** The server's root URL, ending in "/". */
  url: string;
  /** Everything the server has printed so far. */
  output(): string;
  /** Milliseconds from starting the server to its first "Synced content" (the content layer has read every file). */
  syncedMs: number;
  stop(): Promise<void>;
}

/** Build output, caches, history and Astro's own state stay behind; node_modules is linked. */
const NOT_COPIED = new Set(['node_modules', '.git', '.astro', '.cache', '.bench', 'dist', 'content', 'test-results']);

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts the real `astro dev` on a free loopback port, serving `contentDir`.
 * It runs in a copy of the project (sources and config; node_modules linked)
 * because Astro keeps per-project state in `<root>/.astro/`, which another
 * build or dev server in the same checkout would overwrite.
 */
export interface DevServerOptions {
  /** Options for Node itself, before Astro's script (the benchmark's `--cpu-prof`). */
  nodeArgs?: string[];
  /** Whether to wait for the server to answer a request before returning (true): the benchmark times that first request itself. */
  awaitAnswer?: boolean;
}

export async function startDevServer(contentDir: string, env: Record<string, string> = {}, options: DevServerOptions = {}): Promise<DevServer> {
  const project = mkdtempSync(join(tmpdir(), 'chronicle-dev-'));
  for (const entry of readdirSync(ROOT).filter((name) => !NOT_COPIED.has(name))) {
    cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
  }
  // Every package is linked, but node_modules itself is the copy's own: Astro puts Vite's dependency
  // cache in <root>/node_modules/.vite/, and a cache shared with another dev server (another base
  // path, another config) makes Vite re-optimize and reload pages in the middle of a test.
  mkdirSync(join(project, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules')).filter((name) => name !== '.vite')) {
    symlinkSync(join(ROOT, 'node_modules', entry), join(project, 'node_modules', entry));
  }
  const port = await freePort();
  let output = '';
  const started = performance.now();
  let syncedMs = NaN;
  const collect = (chunk: Buffer) => {
    output += chunk;
    if (Number.isNaN(syncedMs) && output.includes('Synced content')) syncedMs = performance.now() - started;
  };
  // Its own process group, so stop() ends the server and anything it started, and nothing else.
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), join(project, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: project,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv({ CHRONICLE_CONTENT_DIR: contentDir, CHRONICLE_CACHE_DIR: join(project, '.cache'), ...env }),
    },
  );
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let running = true;
  void exited.then(() => (running = false));

  const stop = async () => {
    if (running && child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
    rmSync(project, { recursive: true, force: true });
  };

  // Vite moves to the next port when the chosen one was taken in the meantime, so the
  // address is read from what the server prints rather than assumed.
  const deadline = Date.now() + 180_000;
  let url = '';
  for (;;) {
    if (!running) throw new Error(`astro dev exited before it was ready:\n${output.slice(-4000)}`);
    const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
    const printed = /Local\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(plain);
    // The server answers before its first content sync ends; until then pages see part of the content.
    if (printed && plain.includes('Synced content')) {
      url = printed[1]!;
      if (options.awaitAnswer === false) break;
      try {
        await fetch(url, { signal: AbortSignal.timeout(30_000) });
        break;
      } catch { /* not answering yet */ }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`astro dev did not answer within 3 minutes:\n${output.slice(-4000)}`);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return { url, output: () => output, syncedMs, stop };
}
