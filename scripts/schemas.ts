/**
 * `npm run schemas`: writes schemas/<collection>.schema.json from the Zod
 * schemas in src/schemas/. `--check` only compares and fails when a committed
 * file is stale (a unit test does the same).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { allJsonSchemaFiles } from '../src/lib/authoring/json-schema.ts';

const root = resolve(import.meta.dirname, '..');
const checkOnly = process.argv.includes('--check');
const stale: string[] = [];

for (const [path, text] of allJsonSchemaFiles()) {
  const full = join(root, path);
  let current: string | undefined;
  try {
    current = readFileSync(full, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  stale.push(path);
  if (!checkOnly) {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    console.log(`wrote ${path}`);
  }
}

if (checkOnly && stale.length > 0) {
  console.error(`Out of date: ${stale.join(', ')}. Run \`npm run schemas\` and commit the result.`);
  process.exit(1);
}
if (stale.length === 0) console.log('JSON Schemas are up to date.');
