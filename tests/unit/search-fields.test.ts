import { describe, expect, it } from 'vitest';
import { articleSearchFields, FACETS } from '../../src/lib/search/fields.ts';
import { htmlLanguage, prepareIndexedHtml, prepareQuery } from '../../src/lib/search/text.ts';
import type { ArticleSummary } from '../../src/lib/model/archive.ts';

const article = {
  id: '2018/07/ties', file: 'content/articles/2018/07/ties.mdx', title: 'Ties', description: 'A standfirst.',
  pubDate: new Date('2018-07-12T09:30:00Z'), dateline: 'TEHRAN', source: { name: 'Tasnim News Agency' }, lang: 'fa-IR',
  topics: ['jcpoa'], people: ['ali-akbar-velayati'], organizations: ['united-nations'], countries: ['IR', 'RU'],
  events: [], inlineEvents: [], data: { tags: ['Oil', 'Vienna talks'] },
} as unknown as ArticleSummary;

describe('what the index knows about an article', () => {
  it('gives every facet a value list, with ids, lower-case country codes, the year and the primary language', () => {
    const { filters } = articleSearchFields(article);
    expect(Object.keys(filters).sort()).toEqual([...FACETS].sort());
    expect(filters).toMatchObject({
      topic: ['jcpoa'], person: ['ali-akbar-velayati'], organization: ['united-nations'], country: ['ir', 'ru'],
      year: ['2018'], language: ['fa'], source: ['Tasnim News Agency'], tag: ['Oil', 'Vienna talks'],
    });
  });

  it('carries the date, dateline and standfirst for results, and a date that sorts as text', () => {
    const fields = articleSearchFields(article);
    expect(fields.meta).toEqual({ date: '2018-07-12T09:30:00.000Z', dateline: 'TEHRAN', standfirst: 'A standfirst.' });
    expect(fields.sort.date).toBe('2018-07-12T09:30:00.000Z');
    const later = articleSearchFields({ ...article, pubDate: new Date('2019-01-02T00:00:00Z') } as ArticleSummary);
    expect(later.sort.date > fields.sort.date).toBe(true);
  });

  it('leaves out what an article does not have', () => {
    const bare = articleSearchFields({ ...article, source: undefined, dateline: undefined, lang: 'en', data: {} } as unknown as ArticleSummary);
    expect(bare.filters.source).toEqual([]);
    expect(bare.filters.tag).toEqual([]);
    expect(bare.meta).not.toHaveProperty('dateline');
    expect(bare.filters.language).toEqual(['en']);
  });
});

describe('text preparation hooks', () => {
  it('reads a page’s language from its html element', () => {
    expect(htmlLanguage('<!DOCTYPE html><html lang="fa" dir="rtl"><head>', 'en')).toBe('fa');
    expect(htmlLanguage('<html><head>', 'en')).toBe('en');
  });

  it('leaves text as written for a language without a normaliser', () => {
    expect(prepareQuery('Velayati', 'en')).toBe('Velayati');
    expect(prepareIndexedHtml('<p>Velayati</p>', 'en')).toBe('<p>Velayati</p>');
  });
});
