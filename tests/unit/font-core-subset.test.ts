import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontace } from 'fontace';
import { codePointsOf, CORE_TEXT, cutCore, unicodeRanges } from '../../src/lib/build/font-core-subset.ts';

const cache = mkdtempSync(join(tmpdir(), 'chronicle-font-core-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));
const inter = dirname(createRequire(import.meta.url).resolve('@fontsource-variable/inter'));
const latinRange = (JSON.parse(readFileSync(join(inter, 'unicode.json'), 'utf8')) as Record<string, string>).latin!.split(',');
const latinFile = join(inter, 'files', 'inter-latin-wght-normal.woff2');

describe('unicode ranges', () => {
  it('reads single code points and spans, and writes them back merged', () => {
    expect([...codePointsOf(['U+0041-0043', 'U+0131'])]).toEqual([0x41, 0x42, 0x43, 0x131]);
    expect(unicodeRanges([0x44, 0x41, 0x42, 0x43, 0x131, 0x2013, 0x2014])).toEqual(['U+0041-0044', 'U+0131', 'U+2013-2014']);
  });

  it('refuses what is not a range', () => {
    expect(() => codePointsOf(['latin'])).toThrow('not a unicode-range: "latin"');
  });
});

describe('the Latin core face', () => {
  it('holds the core characters and nothing else of Latin, in a smaller file; the Latin face keeps the rest', async () => {
    const { coreFile, coreRange, restRange } = await cutCore(latinFile, 'latin', latinRange, cache);
    const inFile = codePointsOf(fontace(readFileSync(coreFile)).unicodeRangeArray);
    const latin = codePointsOf(latinRange);
    const core = [...CORE_TEXT.latin!].map((char) => char.codePointAt(0)!).filter((point) => latin.has(point));
    expect(core.length).toBeGreaterThan(100);
    expect(core.filter((point) => !inFile.has(point))).toEqual([]);
    // Letters outside the core (é, ß) are not in it: a page using them loads the Latin face for them.
    expect([0xe9, 0xdf].filter((point) => inFile.has(point))).toEqual([]);
    expect(statSync(coreFile).size).toBeLessThan(statSync(latinFile).size * 0.75);
    const coreSet = codePointsOf(coreRange);
    const rest = codePointsOf(restRange);
    expect([...coreSet].filter((point) => rest.has(point))).toEqual([]);
    expect(new Set([...coreSet, ...rest])).toEqual(latin);
  });

  it('is cut once: a second build finds it in the cache', async () => {
    const first = await cutCore(latinFile, 'latin', latinRange, cache);
    const before = statSync(first.coreFile).mtimeMs;
    const second = await cutCore(latinFile, 'latin', latinRange, cache);
    expect(second.coreFile).toBe(first.coreFile);
    expect(statSync(second.coreFile).mtimeMs).toBe(before);
  });

  it('names the subsets it knows when asked for another', async () => {
    await expect(cutCore(latinFile, 'greek', latinRange, cache)).rejects.toThrow('no core characters are listed for the subset "greek" (there are: latin).');
  });
});
