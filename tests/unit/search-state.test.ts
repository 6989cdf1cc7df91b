import { describe, expect, it } from 'vitest';
import {
  emptyFilters, hasCriteria, pagefindFilters, pagefindSort, parseState, sameState, stateToQuery, tooShort, withValue,
} from '../../src/client/search/state.ts';

describe('search state in the URL', () => {
  it('reads the query, repeated facet values and the sort', () => {
    const state = parseState('?q=velayati&topic=jcpoa&topic=iran-russia-relations&country=ir&sort=newest');
    expect(state.q).toBe('velayati');
    expect(state.filters.topic).toEqual(['jcpoa', 'iran-russia-relations']);
    expect(state.filters.country).toEqual(['ir']);
    expect(state.filters.person).toEqual([]);
    expect(state.sort).toBe('newest');
  });

  it('ignores unknown sorts, blank and repeated values', () => {
    const state = parseState('q=%20%20&topic=&topic=jcpoa&topic=jcpoa&sort=sideways&colour=red');
    expect(state).toEqual({ q: '', filters: { ...emptyFilters(), topic: ['jcpoa'] }, sort: 'relevance' });
  });

  it('writes the same query string the form submits, leaving out defaults', () => {
    const state = withValue(withValue(parseState('q=velayati'), 'topic', 'jcpoa', true), 'year', '2018', true);
    expect(stateToQuery(state)).toBe('?q=velayati&topic=jcpoa&year=2018');
    expect(stateToQuery({ ...state, sort: 'oldest' })).toBe('?q=velayati&topic=jcpoa&year=2018&sort=oldest');
    expect(stateToQuery(parseState(''))).toBe('');
  });

  it('round-trips any state through its URL', () => {
    const query = '?q=nuclear+deal&topic=jcpoa&person=ali-akbar-velayati&source=Tasnim+News+Agency&sort=oldest';
    const state = parseState(query);
    expect(stateToQuery(state)).toBe(query);
    expect(sameState(parseState(stateToQuery(state)), state)).toBe(true);
  });

  it('adds and removes one facet value without touching the others', () => {
    const start = parseState('topic=jcpoa&topic=counterterrorism&year=2018');
    const removed = withValue(start, 'topic', 'jcpoa', false);
    expect(removed.filters.topic).toEqual(['counterterrorism']);
    expect(removed.filters.year).toEqual(['2018']);
    expect(start.filters.topic).toEqual(['jcpoa', 'counterterrorism']);
  });

  it('knows when there is nothing to search for', () => {
    expect(hasCriteria(parseState(''))).toBe(false);
    expect(hasCriteria(parseState('q=x'))).toBe(true);
    expect(hasCriteria(parseState('year=2018'))).toBe(true);
  });

  it('waits for a second letter, except in scripts where one character is a word, or with filters', () => {
    expect(tooShort(parseState('q=v'))).toBe(true);
    expect(tooShort(parseState('q=ve'))).toBe(false);
    expect(tooShort(parseState('q=%D8%A7'))).toBe(true); // Arabic alif
    expect(tooShort(parseState('q=%E6%B2%B9'))).toBe(false); // 油, "oil"
    expect(tooShort(parseState('q=v&topic=jcpoa'))).toBe(false);
    expect(tooShort(parseState(''))).toBe(false);
  });
});

describe('what Pagefind is asked', () => {
  it('ORs values within a facet and ANDs facets; one facet can be left out for its own counts', () => {
    const { filters } = parseState('topic=jcpoa&topic=counterterrorism&country=ir');
    expect(pagefindFilters(filters)).toEqual({ topic: { any: ['jcpoa', 'counterterrorism'] }, country: { any: ['ir'] } });
    expect(pagefindFilters(filters, 'topic')).toEqual({ country: { any: ['ir'] } });
    expect(pagefindFilters(emptyFilters())).toEqual({});
  });

  it('sorts by date for newest and oldest, by relevance otherwise, and newest first when there are no words', () => {
    expect(pagefindSort(parseState('q=x&sort=newest'))).toEqual({ date: 'desc' });
    expect(pagefindSort(parseState('q=x&sort=oldest'))).toEqual({ date: 'asc' });
    expect(pagefindSort(parseState('q=x'))).toEqual({});
    expect(pagefindSort(parseState('topic=jcpoa'))).toEqual({ date: 'desc' });
  });
});
