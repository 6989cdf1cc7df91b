import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';

/**
 * The "core" of a script's face: the characters nearly every page of that
 * script uses, cut out of the fontsource face into a smaller file. A page
 * preloads only the core; the rest of the script's characters stay in the
 * full face, downloaded when a page's text uses one of them. For Latin: the
 * printable ASCII characters, the no-break space and the typography the site
 * and its articles print (curly quotes, dashes, ellipsis, middle dot, arrows,
 * multiplication and minus signs); those outside the script's range (the
 * arrows ← → are not in fontsource's Latin) stay with the face that has them.
 */
export const CORE_TEXT: Record<string, string> = {
  latin: `${String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 0x20 + i))}\u00a0\u00a9\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2190\u2191\u2192\u2193\u2212`,
};

/** The cutter's version is part of a core file's name: another version may cut differently. */
const CUTTER = `subset-font@${(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('subset-font/package.json'), 'utf8')) as { version: string }).version}`;

/** `U+0000-00FF,U+0131` → the code points it names. */
export function codePointsOf(ranges: readonly string[]): Set<number> {
  const points = new Set<number>();
  for (const range of ranges) {
    const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-').map((hex) => Number.parseInt(hex, 16));
    if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to)) throw new Error(`not a unicode-range: "${range}"`);
    for (let point = from; point <= to; point += 1) points.add(point);
  }
  return points;
}

/** Code points → the shortest list of `U+XXXX` and `U+XXXX-YYYY` ranges, in order. */
export function unicodeRanges(points: Iterable<number>): string[] {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  const hex = (point: number) => point.toString(16).toUpperCase().padStart(4, '0');
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    ranges.push(sorted[i] === sorted[j] ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return ranges;
}

/**
 * The core face cut from `file` (a WOFF2 face of `script`), written once into
 * `cacheDir` under a digest of the face and the characters, and the full
 * face's range with the core's characters taken out.
 */
export async function cutCore(file: string, script: string, range: readonly string[], cacheDir: string): Promise<{ coreFile: string; coreRange: string[]; restRange: string[] }> {
  const text = CORE_TEXT[script];
  if (text === undefined) throw new Error(`no core characters are listed for the subset "${script}" (there are: ${Object.keys(CORE_TEXT).join(', ')}).`);
  const full = codePointsOf(range);
  const core = [...text].map((char) => char.codePointAt(0)!).filter((point) => full.has(point));
  const bytes = readFileSync(file);
  const coreFile = join(cacheDir, `${createHash('sha256').update(CUTTER).update(bytes).update(text).digest('hex').slice(0, 24)}.woff2`);
  if (!existsSync(coreFile)) {
    mkdirSync(cacheDir, { recursive: true });
    // Written under a temporary name and renamed: a build stopped halfway never leaves half a font.
    const partial = `${coreFile}.${process.pid}.tmp`;
    writeFileSync(partial, await subsetFont(bytes, String.fromCodePoint(...core), { targetFormat: 'woff2' }));
    renameSync(partial, coreFile);
  }
  const coreSet = new Set(core);
  return { coreFile, coreRange: unicodeRanges(core), restRange: unicodeRanges([...full].filter((point) => !coreSet.has(point))) };
}
