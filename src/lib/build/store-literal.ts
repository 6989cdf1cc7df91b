/**
 * Astro's build turns its whole content store into ONE JavaScript module,
 * `export default JSON.parse("<the store as one string literal>")`. V8 reads
 * a string literal into a buffer that, past a third of a megabyte, grows by
 * 1 MB at a time, copying what it has read so far on each step (LiteralBuffer
 * in V8's src/parsing/literal-buffer.cc), so compiling that module costs time
 * proportional to the SQUARE of the store's size, minutes before the first
 * page at the largest archives benchmarked (figures in BENCHMARKS.md,
 * "Start-up at scale").
 *
 * `splitStoreModule` rewrites that module as the same string cut into short
 * literals joined at run time, `JSON.parse(["…","…"].join(""))`: same value,
 * and compiling it costs time proportional to the store's size.
 */

const PREFIX = 'export default JSON.parse("';
const SUFFIX = '")';

/** Pieces this short stay where V8's buffer grows fourfold, so each is read in linear time. */
const PIECE_LENGTH = 64 * 1024;

const LETTER_U = 0x75;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Cuts the body of a double-quoted string literal (the text between the
 * quotes, escapes as JSON.stringify writes them) into pieces of about
 * `length` characters, never inside an escape (`\"`, `\\`, `\n`, `\u00e9`…)
 * nor between the two halves of a surrogate pair, so each piece is a valid
 * literal body and the pieces joined are the original text.
 */
export function cutLiteralBody(body: string, length: number = PIECE_LENGTH): string[] {
  if (!(length >= 6)) throw new RangeError(`piece length must be at least 6 (an escape like \\u00e9), got ${length}`);
  const pieces: string[] = [];
  let start = 0;
  let next = body.indexOf('\\'); // the first escape not yet stepped over
  while (start < body.length) {
    let cut = Math.min(start + length, body.length);
    while (next !== -1 && next < cut) {
      const end = next + (body.charCodeAt(next + 1) === LETTER_U ? 6 : 2);
      if (end > cut) cut = end;
      next = body.indexOf('\\', end);
    }
    if (cut < body.length && isHighSurrogate(body.charCodeAt(cut - 1))) cut += 1;
    pieces.push(body.slice(start, cut));
    start = cut;
  }
  return pieces;
}

/**
 * The store module with its one long literal cut into short ones, or
 * undefined when `code` is not that module or is already short (Astro's
 * other store layouts, an empty store): those are left as they are.
 */
export function splitStoreModule(code: string, length: number = PIECE_LENGTH): string | undefined {
  const end = code.trimEnd().replace(/;$/, '');
  if (!end.startsWith(PREFIX) || !end.endsWith(SUFFIX)) return undefined;
  const body = end.slice(PREFIX.length, -SUFFIX.length);
  if (body.length <= length) return undefined;
  const pieces = cutLiteralBody(body, length);
  return `export default JSON.parse([\n"${pieces.join('",\n"')}"\n].join(""));\n`;
}
