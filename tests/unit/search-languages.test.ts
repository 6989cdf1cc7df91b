import { describe, expect, it } from 'vitest';
import { mergeByDate, orderLanguages } from '../../src/scripts/search/languages.ts';

describe('the order languages are searched in', () => {
  const available = { en: { page_count: 300 }, fa: { page_count: 40 }, ru: { page_count: 90 }, ar: { page_count: 5 } };

  it('puts the reader\'s languages first, as they prefer them, then the largest indexes', () => {
    expect(orderLanguages(available, ['fa', 'en'])).toEqual(['fa', 'en', 'ru', 'ar']);
    expect(orderLanguages(available, ['ru'])).toEqual(['ru', 'en', 'fa', 'ar']);
    expect(orderLanguages(available, ['de'])).toEqual(['en', 'ru', 'fa', 'ar']);
  });

  it('matches a regional index to the reader\'s language', () => {
    expect(orderLanguages({ 'en': { page_count: 9 }, 'fa-ir': { page_count: 1 } }, ['fa'])).toEqual(['fa-ir', 'en']);
  });
});

describe('merging results sorted by date', () => {
  let loads = 0;
  const result = (id: string, date: string) => ({
    id, score: 1,
    data: async () => { loads += 1; return { url: `/${id}/`, excerpt: '', meta: { date } }; },
  });
  const urls = (results: { data: () => Promise<{ url: string }> }[]) => Promise.all(results.map(async (r) => (await r.data()).url));

  it('interleaves each language\'s date order into one', async () => {
    const english = [result('e3', '2019-01-01'), result('e2', '2018-06-01'), result('e1', '2015-07-14')];
    const persian = [result('p2', '2018-07-12'), result('p1', '2016-01-01')];
    const merged = mergeByDate([english, persian], true);
    expect(merged).toHaveLength(5);
    await expect(urls(merged)).resolves.toEqual(['/e3/', '/p2/', '/e2/', '/p1/', '/e1/']);
    const oldestFirst = mergeByDate([[...english].reverse(), [...persian].reverse()], false);
    await expect(urls(oldestFirst)).resolves.toEqual(['/e1/', '/p1/', '/e2/', '/p2/', '/e3/']);
  });

  it('loads only what it shows, plus one waiting result per language', async () => {
    const many = (prefix: string, year: number) =>
      Array.from({ length: 50 }, (_, i) => result(`${prefix}${i}`, `${year - Math.floor(i / 12)}-${String(12 - (i % 12)).padStart(2, '0')}-01`));
    loads = 0;
    const merged = mergeByDate([many('a', 2020), many('b', 2019), many('c', 2018)], true);
    const firstPage = await urls(merged.slice(0, 10));
    expect(firstPage).toHaveLength(10);
    // 10 shown, each loaded again when shown, plus the dates of the heads compared.
    expect(loads).toBeLessThanOrEqual(10 + 10 + 3);
  });

  it('passes a single language\'s list through untouched', () => {
    const only = [result('x', '2018-01-01')];
    expect(mergeByDate([[], only, []], true)).toBe(only);
  });
});
