/**
 * Astro's build turns its whole content store into ONE JavaScript module,
 * `export default JSON.parse("<the store as one string literal>")`. Bundling
 * that module took time in proportion to the archive, and V8 compiled its
 * literal in time proportional to its SQUARE (its literal buffer grows 1 MB at
 * a time past a third of a megabyte, copying itself: LiteralBuffer in V8's
 * src/parsing/literal-buffer.cc). src/integrations/content-store.ts therefore
 * makes the module read the file Astro wrote that literal from, when pages are
 * built: figures in BENCHMARKS.md.
 */

const PREFIX = 'export default JSON.parse("';
const SUFFIX = '")';

/**
 * Whether `code` is the single-file store module: `JSON.parse` of one literal.
 * Astro's other layouts (chunked storage, an empty store) are left as they are.
 */
export function isStoreLiteral(code: string): boolean {
  const end = code.trimEnd().replace(/;$/, '');
  return end.startsWith(PREFIX) && end.endsWith(SUFFIX);
}
