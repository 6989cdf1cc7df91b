import { describe, expect, it } from 'vitest';
import { assignParts, partCount, partDir, partOf, partSignature } from '../../src/lib/search/parts.ts';

const urls = Array.from({ length: 10_000 }, (_, i) => `/articles/20${String(i % 25).padStart(2, '0')}/01/story-${i}/`);

describe('search index parts', () => {
  it('uses one part for a small archive, more as it grows, and never more than the cap', () => {
    expect(partCount(0)).toBe(1);
    expect(partCount(4_500)).toBe(1);
    expect(partCount(4_501)).toBe(2);
    expect(partCount(13_000)).toBe(3);
    expect(partCount(1_000_000)).toBe(16);
    expect(partCount(500, { pagesPerPart: 60 })).toBe(9);
  });

  it('puts a page in the same part every time, and spreads pages evenly', () => {
    expect(partOf('/articles/2018/07/x/', 7)).toBe(partOf('/articles/2018/07/x/', 7));
    const sizes = assignParts(urls.map((url) => ({ url })), 7).map((group) => group.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(urls.length);
    for (const size of sizes) expect(Math.abs(size - urls.length / 7)).toBeLessThan(urls.length / 7 * 0.1);
  });

  it('changes only the digest of the part whose page changed', () => {
    const pages = urls.slice(0, 3_000).map((url) => ({ url, hash: `h-${url}` }));
    const before = assignParts(pages, 2).map((group) => partSignature('v1', group));
    const edited = pages.map((page, i) => (i === 1_234 ? { ...page, hash: 'edited' } : page));
    const after = assignParts(edited, 2).map((group) => partSignature('v1', group));
    const changed = before.filter((signature, k) => signature !== after[k]);
    expect(changed).toHaveLength(1);
    // Order of reading does not matter; the indexer's settings do.
    expect(partSignature('v1', [...pages].reverse())).toBe(partSignature('v1', pages));
    expect(partSignature('v2', pages)).not.toBe(partSignature('v1', pages));
  });

  it('keeps the main part at the bundle root and the others in folders inside it', () => {
    expect(partDir(0)).toBe('');
    expect(partDir(3)).toBe('part-3/');
  });
});
