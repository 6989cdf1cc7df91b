import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cycles, importGraph, type SourceNode } from '../fixtures/import-graph.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const graph = importGraph(root, 'src');
const readSource = (file: string) => readFileSync(join(root, file), 'utf8');

/** The stage a file belongs to: `src/lib/<stage>/…`, else its top folder under src/. */
function stageOf(file: string): string {
  return /^src\/lib\/([^/]+)\//.exec(file)?.[1] ?? /^src\/([^/]+)\//.exec(file)?.[1] ?? file.slice('src/'.length).replace(/(\.d)?\.ts$/, '');
}

/** What a stage of src/lib/ says it may import, in the header of its index.ts: `May import: core, schemas.` */
function declaredImports(stage: string): string[] {
  const line = /May import: ([^.\n]*)\./.exec(readSource(`src/lib/${stage}/index.ts`))?.[1];
  if (line === undefined) throw new Error(`src/lib/${stage}/index.ts does not say what it may import`);
  return line === 'nothing else in src/' ? [] : line.split(',').map((name) => name.trim());
}
const LIB_STAGES = ['core', 'content', 'model', 'markdown', 'site', 'search', 'build', 'cards', 'authoring', 'import', 'routes'];

/**
 * The one direction imports run in (docs/architecture.md): each stage names
 * the stages it may import besides itself. Stages of src/lib/ declare it in
 * their index.ts; pages, components and layouts sit on top.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  ...Object.fromEntries(LIB_STAGES.map((stage) => [stage, declaredImports(stage)])),
  schemas: ['core'],
  client: ['core', 'search'],
  'content.config': ['core', 'schemas', 'content', 'markdown', 'build'],
  'virtual-modules': [],
  integrations: ['core', 'schemas', 'content', 'model', 'markdown', 'site', 'search', 'build', 'cards'],
  middleware: ['core', 'routes', 'model'],
  env: ['routes'],
  styles: [],
  layouts: ['core', 'model', 'site', 'search', 'routes', 'components', 'styles', 'client'],
  components: ['core', 'schemas', 'content', 'model', 'markdown', 'site', 'search', 'routes', 'authoring', 'layouts', 'styles', 'client'],
  pages: ['core', 'schemas', 'content', 'model', 'site', 'search', 'routes', 'authoring', 'layouts', 'components', 'styles'],
};

const crossings = (test: (from: string, to: string) => boolean) =>
  [...graph.values()].flatMap((node: SourceNode) =>
    node.local.filter((target) => graph.has(target) && test(stageOf(node.file), stageOf(target))).map((target) => `${node.file} → ${target}`));

/** Every file the browser's code reaches, following imports from src/client/. */
function browserFiles(): SourceNode[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !graph.has(file)) return;
    seen.add(file);
    graph.get(file)!.local.forEach(visit);
  };
  for (const file of graph.keys()) if (file.startsWith('src/client/')) visit(file);
  return [...seen].map((file) => graph.get(file)!);
}

describe('the architecture of src/', () => {
  it('has an index.ts in every stage of src/lib/ that says what the stage may import', () => {
    expect(new Set(readdirSync(join(root, 'src/lib')))).toEqual(new Set(LIB_STAGES));
    for (const stage of LIB_STAGES) expect(declaredImports(stage).every((name) => name in MAY_IMPORT)).toBe(true);
  });

  it('reads every source file (the graph is not empty)', () => {
    expect(graph.size).toBeGreaterThan(100);
    // A new folder or top-level file must be placed in the order below.
    expect([...new Set([...graph.keys()].map(stageOf))].filter((stage) => !(stage in MAY_IMPORT))).toEqual([]);
  });

  it('has no import cycle, type imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports only in the stated direction between stages', () => {
    expect(crossings((from, to) => from !== to && !(MAY_IMPORT[from] ?? []).includes(to))).toEqual([]);
  });

  it('keeps the browser code free of Node and Astro modules', () => {
    const files = browserFiles();
    expect(files.length).toBeGreaterThan(5);
    const serverOnly = files.flatMap((node) => node.bare.filter((spec) => /^(node:|astro:|virtual:)/.test(spec)).map((spec) => `${node.file}: ${spec}`));
    expect(serverOnly).toEqual([]);
  });

  it('hands data between parts through modules and arguments, not globalThis slots', () => {
    const slots = [...graph.values()].filter((node) => /Symbol\.for\(|globalThis\s*(\[|as\b)/.test(readSource(node.file))).map((node) => node.file);
    expect(slots).toEqual([]);
  });

  it('keeps every source file short (at most 300 lines)', () => {
    expect([...graph.values()].filter((node) => node.lines > 300).map((node) => `${node.file}: ${node.lines} lines`)).toEqual([]);
  });
});

