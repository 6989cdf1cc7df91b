/**
 * `npm run check [-- --content-only]`
 *
 * 1. Validates every content file with the same code the build runs
 *    (src/lib/content/check.ts), without rendering anything, downloads the
 *    pictures on trusted hosts into the build's cache as the build does, and
 *    prints every problem grouped by file.
 * 2. Type-checks the code with `astro check`. That step loads the content
 *    collections, so it only runs once the content is clean.
 *
 * Exits non-zero when either step finds a problem.
 */
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkContentAndPictures } from '../src/lib/content/check.ts';
import { formatReport } from '../src/lib/content/errors.ts';

const root = resolve(import.meta.dirname, '..');
const contentOnly = process.argv.includes('--content-only');

const started = performance.now();
// Pictures on trusted hosts are downloaded into the build's cache, as the build does: a failed one is reported here too.
const { errors, files, contentDir } = await checkContentAndPictures(root);
const elapsed = performance.now() - started;
const took = elapsed < 1000 ? `${Math.round(elapsed)} ms` : `${(elapsed / 1000).toFixed(1)} s`;
const inside = relative(root, contentDir);
const folder = inside && !inside.startsWith('..') ? `${inside}/` : `${contentDir}/`;

if (errors.length > 0) {
  // What was checked first, the report last: it is what the author acts on.
  console.log(`Checked ${files} files in ${folder} in ${took}.${contentOnly ? '' : ' Types were not checked: `astro check` needs valid content.'}\n`);
  console.error(formatReport(errors, 'fix them and run `npm run check` again'));
  process.exit(1);
}
console.log(`Content: ${files} files in ${folder} checked in ${took}, no problems.`);
if (contentOnly) process.exit(0);

console.log('Types: running astro check…');
// The Node running this script (24, from the `node` devDependency), whatever PATH says.
const types = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'check'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(types.status ?? 1);
