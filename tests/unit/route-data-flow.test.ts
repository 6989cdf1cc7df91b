import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { COMPONENT_NAMES } from '../../src/lib/content/components.ts';

/**
 * Pages get the route data (src/lib/routes/route-data.ts, put in
 * `Astro.locals.chronicle` by src/middleware.ts) and pass what they use to
 * their components as props, so a page says what data it uses. Components and
 * layouts never load it themselves. The one exception is a component placed
 * inside article bodies (the MDX components of src/lib/content/components.ts):
 * the page cannot give it props, so it reads `Astro.locals.chronicle`, and
 * still never calls a loader.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ROUTES = join(ROOT, 'src/lib/routes') + sep;
const LOADERS = ['getArchive', 'getQuoteLedger', 'getStandards', 'getRouteData'];

function files(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext))
    .map((name) => join(ROOT, dir, name));
}

/** The script of an .astro file (its frontmatter), or a whole .ts file. */
function script(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  return /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? text;
}

/** What a script takes from the route loaders: imported or called loader names, with the module they came from. */
function loaderUses(code: string, file: string): string[] {
  const uses: string[] = [];
  for (const [, bindings = '', specifier = ''] of code.matchAll(/\bimport\s+(?!type\s)([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
    const target = resolve(dirname(file), specifier);
    if (!target.startsWith(ROUTES)) continue;
    for (const name of LOADERS) if (new RegExp(`\\b${name}\\b`).test(bindings)) uses.push(`imports ${name} from ${specifier}`);
  }
  for (const [, name] of code.matchAll(new RegExp(`\\b(${LOADERS.join('|')})\\s*\\(`, 'g'))) uses.push(`calls ${name}()`);
  for (const [, specifier = ''] of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (resolve(dirname(file), specifier).startsWith(ROUTES)) uses.push(`imports ${specifier} dynamically`);
  }
  return uses;
}

const readsLocals = (code: string) => /\bAstro\.locals\b/.test(code);
const name = (file: string) => relative(ROOT, file).split(sep).join('/');
const bodyComponents = new Set(COMPONENT_NAMES.map((component) => join(ROOT, 'src/components', `${component}.astro`)));
const componentsAndLayouts = [...files('src/components', '.astro'), ...files('src/layouts', '.astro')];

describe('route data flows from pages to components as props', () => {
  it('finds loader imports and calls, and ignores type imports and other route helpers', () => {
    const file = join(ROOT, 'src/components/Example.astro');
    expect(loaderUses("import { getArchive } from '../lib/routes/load-archive.ts';\nconst a = await getArchive();", file))
      .toEqual(['imports getArchive from ../lib/routes/load-archive.ts', 'calls getArchive()']);
    expect(loaderUses("import {\n  href,\n  getStandards as facts,\n} from '../lib/routes/page-facts.ts';", file))
      .toEqual(['imports getStandards from ../lib/routes/page-facts.ts']);
    expect(loaderUses("const m = await import('../lib/routes/route-data.ts');", file)).toEqual(['imports ../lib/routes/route-data.ts dynamically']);
    expect(loaderUses("import type { FileFacts } from '../lib/routes/page-facts.ts';\nimport { href } from '../lib/routes/site-urls.ts';", file)).toEqual([]);
  });

  it('every MDX component authors may use has its Astro component', () => {
    expect(COMPONENT_NAMES.length).toBeGreaterThan(0);
    for (const file of bodyComponents) expect(componentsAndLayouts, `${name(file)} is missing`).toContain(file);
  });

  it('no component or layout loads route data itself', () => {
    const offenders = componentsAndLayouts.flatMap((file) => loaderUses(script(file), file).map((use) => `${name(file)} ${use}`));
    expect(offenders).toEqual([]);
  });

  it('only components placed in article bodies read Astro.locals; the rest take props', () => {
    const offenders = componentsAndLayouts.filter((file) => !bodyComponents.has(file) && readsLocals(script(file))).map(name);
    expect(offenders).toEqual([]);
  });

  it('pages and endpoints load route data through getRouteData() alone', () => {
    const pages = [...files('src/pages', '.astro'), ...files('src/pages', '.ts')];
    const offenders = pages.flatMap((file) => loaderUses(script(file), file)
      .filter((use) => !use.includes('getRouteData') && !use.includes('route-data.ts'))
      .map((use) => `${name(file)} ${use}`));
    expect(offenders).toEqual([]);
  });
});
