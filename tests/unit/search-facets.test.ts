import { describe, expect, it } from 'vitest';
import { facetLabeler, facetOptions } from '../../src/client/search/facets.ts';

const labels = { topic: { jcpoa: 'Iran nuclear deal (JCPOA)', energy: 'Energy' }, person: { 'ali-akbar-velayati': 'Ali Akbar Velayati' } };
const label = facetLabeler(labels, 'en');

describe('facet options', () => {
  it('orders values by count, then by name, and hides values without results', () => {
    const options = facetOptions('topic', { energy: 3, jcpoa: 3, sport: 0, alpha: 5 }, [], (v) => label('topic', v), 'en');
    expect(options.map((o) => [o.value, o.count])).toEqual([['alpha', 5], ['energy', 3], ['jcpoa', 3]]);
    expect(options.map((o) => o.label)).toEqual(['alpha', 'Energy', 'Iran nuclear deal (JCPOA)']);
  });

  it('keeps a selected value even when nothing matches it, so it can be cleared', () => {
    const options = facetOptions('topic', { energy: 2 }, ['jcpoa'], (v) => label('topic', v), 'en');
    expect(options).toEqual([
      { value: 'energy', label: 'Energy', count: 2, selected: false },
      { value: 'jcpoa', label: 'Iran nuclear deal (JCPOA)', count: 0, selected: true },
    ]);
  });

  it('lists years newest first', () => {
    const options = facetOptions('year', { 2015: 9, 2018: 1, 2009: 4 }, [], String, 'en');
    expect(options.map((o) => o.value)).toEqual(['2018', '2015', '2009']);
  });
});

describe('facet labels', () => {
  it('names ids from the site, languages in the reader’s language, and quoted speakers as people', () => {
    expect(label('person', 'ali-akbar-velayati')).toBe('Ali Akbar Velayati');
    expect(label('speaker', 'ali-akbar-velayati')).toBe('Ali Akbar Velayati');
    expect(label('language', 'fa')).toBe('Persian');
    expect(label('source', 'Tasnim News Agency')).toBe('Tasnim News Agency');
    expect(label('person', 'unknown-id')).toBe('unknown-id');
  });
});
