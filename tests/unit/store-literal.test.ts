import { describe, expect, it } from 'vitest';
import { cutLiteralBody, splitStoreModule } from '../../src/lib/build/store-literal.ts';

/** What a module's `export default` evaluates to. */
function evaluate(moduleCode: string): unknown {
  return new Function(moduleCode.replace(/^export default /, 'return '))();
}

const storeModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

describe('cutLiteralBody', () => {
  it('never cuts an escape or a surrogate pair, and the pieces join back to the text', () => {
    const text = 'a"b\\c\nd\u00e9\u2028 \ud83d\udcf0 «خبر» \\"quoted\\" \u0001 tab\t' .repeat(40);
    const body = JSON.stringify(text).slice(1, -1);
    for (const length of [6, 7, 8, 9, 10, 13, 64]) {
      const pieces = cutLiteralBody(body, length);
      expect(pieces.join('')).toBe(body);
      for (const piece of pieces) {
        // Each piece is a literal on its own: it parses, and holds no half of a pair.
        const value = JSON.parse(`"${piece}"`) as string;
        expect(value).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
        expect(piece.length).toBeLessThanOrEqual(length + 5);
      }
      expect(pieces.map((p) => JSON.parse(`"${p}"`) as string).join('')).toBe(text);
    }
  });

  it('cuts text without escapes into pieces of exactly the length asked', () => {
    expect(cutLiteralBody('abcdefghijklmn', 6)).toEqual(['abcdef', 'ghijkl', 'mn']);
  });

  it('refuses a length shorter than the longest escape', () => {
    expect(() => cutLiteralBody('abc', 5)).toThrow(/at least 6/);
  });
});

describe('splitStoreModule', () => {
  const store = [{ articles: ['2024/01/a', '2024/02/b'] }, 'Tehran — «تهران»', 'line\nbreak', '\ud83d\udcf0 news', '\\path\\"x"'];

  it('keeps the value the store module exports', () => {
    const code = storeModule(Array.from({ length: 50 }, () => store));
    const split = splitStoreModule(code, 16)!;
    expect(split).toBeDefined();
    expect(evaluate(split)).toEqual(evaluate(code));
    // Many short literals instead of one long one.
    expect(split.split('\n').length).toBeGreaterThan(100);
    expect(Math.max(...split.split('\n').map((line) => line.length))).toBeLessThan(30);
  });

  it('accepts a trailing semicolon and newline', () => {
    const code = `${storeModule(store)};\n`;
    expect(evaluate(splitStoreModule(code, 8)!)).toEqual(store);
  });

  it('leaves alone what is not the single-file store, or is already short', () => {
    expect(splitStoreModule('export default new Map()')).toBeUndefined();
    expect(splitStoreModule('export default{"articles":[(await import("astro:data-layer-chunk/a.txt"))]}')).toBeUndefined();
    expect(splitStoreModule(storeModule(store))).toBeUndefined();
  });
});
