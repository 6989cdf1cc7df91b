import { describe, expect, it } from 'vitest';
import { isStoreLiteral } from '../../src/lib/build/store-literal.ts';

const storeModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

describe('isStoreLiteral', () => {
  const store = [{ articles: ['2024/01/a', '2024/02/b'] }, 'Tehran — «تهران»', 'line\nbreak', '\\path\\"x"'];

  it('recognises the single-file store module, with or without a trailing semicolon', () => {
    expect(isStoreLiteral(storeModule(store))).toBe(true);
    expect(isStoreLiteral(`${storeModule(store)};\n`)).toBe(true);
  });

  it('leaves alone what is not the single-file store', () => {
    expect(isStoreLiteral('export default new Map()')).toBe(false);
    expect(isStoreLiteral('export default{"articles":[(await import("astro:data-layer-chunk/a.txt"))]}')).toBe(false);
  });
});
