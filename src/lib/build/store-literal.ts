/**
 * Astro's build turns its whole content store into ONE JavaScript module,
 * `export default JSON.parse("<the store as one string literal>")`. Bundling
 * that module took time in proportion to the archive, and V8 compiled its
 * literal in time proportional to its SQUARE (its literal buffer grows 1 MB at
 * a time past a third of a megabyte, copying itself: LiteralBuffer in V8's
 * src/parsing/literal-buffer.cc). src/integrations/content-store.ts therefore
 * takes the store's JSON out of the module (`storeJson`) into a file the
 * module reads when pages are built: figures in BENCHMARKS.md.
 */

const PREFIX = 'export default JSON.parse("';
const SUFFIX = '")';

/**
 * The JSON text the store module `code` parses, or undefined when `code` is
 * not that module (Astro's other store layouts, an empty store): those are
 * left as they are.
 */
export function storeJson(code: string): string | undefined {
  const end = code.trimEnd().replace(/;$/, '');
  if (!end.startsWith(PREFIX) || !end.endsWith(SUFFIX)) return undefined;
  return JSON.parse(`"${end.slice(PREFIX.length, -SUFFIX.length)}"`) as string;
}
