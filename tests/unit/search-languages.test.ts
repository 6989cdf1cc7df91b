import { describe, expect, it } from 'vitest';
import { combineResponses, mergeByDate, orderLanguages } from '../../src/client/search/languages.ts';

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

describe('one answer from several languages', () => {
  const result = (id: string, score: number, date = '2018-01-01') => ({ id, score, data: async () => ({ url: `/${id}/`, excerpt: '', meta: { date } }) });
  const ids = (results: { id: string }[]) => results.map((r) => r.id);

  it('lists the reader\'s language first, then the others by score, and sums the counts', () => {
    const combined = combineResponses([
      { lang: 'fa', response: { results: [result('p1', 9)], filters: { topic: { jcpoa: 1 } }, unfilteredResultCount: 1 } },
      { lang: 'en', response: { results: [result('e1', 2), result('e2', 1)], filters: { topic: { jcpoa: 2, oil: 1 } }, unfilteredResultCount: 2 } },
      { lang: 'ru', response: { results: [result('r1', 5)], filters: {}, unfilteredResultCount: 1 } },
    ], {}, 'en');
    expect(ids(combined.results)).toEqual(['e1', 'e2', 'p1', 'r1']);
    expect(combined.filters).toEqual({ topic: { jcpoa: 3, oil: 1 } });
    expect(combined.unfilteredResultCount).toBe(4);
  });

  it('keeps the reader\'s first page as it was when other languages join', () => {
    const english = [result('e1', 3), result('e2', 2)];
    const alone = combineResponses([{ lang: 'en', response: { results: english, filters: {} } }], {}, 'en');
    const joined = combineResponses([{ lang: 'en', response: { results: english, filters: {} } }, { lang: 'fa', response: { results: [result('p1', 99)], filters: {} } }], {}, 'en');
    expect(ids(joined.results).slice(0, alone.results.length)).toEqual(ids(alone.results));
  });

  it('merges by date when sorted by date', async () => {
    const combined = combineResponses([
      { lang: 'en', response: { results: [result('e2', 0, '2019-01-01'), result('e1', 0, '2015-01-01')], filters: {} } },
      { lang: 'fa', response: { results: [result('p1', 0, '2017-01-01')], filters: {} } },
    ], { sort: { date: 'desc' } }, 'en');
    await expect(Promise.all(combined.results.map(async (r) => (await r.data()).url))).resolves.toEqual(['/e2/', '/p1/', '/e1/']);
  });
});
