/**
 * `npm run build`: `astro build` with Rolldown's allocator told to give freed
 * memory back at once. Rolldown (Vite's bundler, native code using mimalloc)
 * otherwise keeps what bundling freed for the rest of the build, and the
 * search indexer runs on top of it (the saving is in BENCHMARKS.md, "Memory").
 * The variable must be set before the process starts, hence this launcher.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BUILD_ENV = { MIMALLOC_PURGE_DELAY: '0' };

if (import.meta.main) {
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...BUILD_ENV, ...process.env },
  });
  process.exit(run.status ?? 1);
}
