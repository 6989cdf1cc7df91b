import { describe, expect, it } from 'vitest';
import { storeJson } from '../../src/lib/build/store-literal.ts';

/** What a module's `export default` evaluates to. */
function evaluate(moduleCode: string): unknown {
  return new Function(moduleCode.replace(/^export default /, 'return '))();
}

const storeModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

describe('storeJson', () => {
  const store = [{ articles: ['2024/01/a', '2024/02/b'] }, 'Tehran — «تهران»', 'line\nbreak', '\ud83d\udcf0 news', '\\path\\"x"', '\u2028 \u0001 tab\t'];

  it('is the JSON whose value the store module exports', () => {
    const code = storeModule(Array.from({ length: 50 }, () => store));
    expect(JSON.parse(storeJson(code)!)).toEqual(evaluate(code));
  });

  it('accepts a trailing semicolon and newline', () => {
    expect(JSON.parse(storeJson(`${storeModule(store)};\n`)!)).toEqual(store);
  });

  it('leaves alone what is not the single-file store', () => {
    expect(storeJson('export default new Map()')).toBeUndefined();
    expect(storeJson('export default{"articles":[(await import("astro:data-layer-chunk/a.txt"))]}')).toBeUndefined();
  });
});
