import { describe, expect, it } from 'vitest';
import { firstAndLater, languagesToSearch, lruCache, SHORT_QUERY_PAUSE_MS, THREE_LETTER_PAUSE_MS, typingDelay } from '../../src/lib/search/plan.ts';

describe('which language indexes a search asks', () => {
  const indexes = ['en', 'fa', 'ru-RU'];

  it('asks every language when the language facet has no selection', () => {
    expect(languagesToSearch(indexes, [])).toEqual(['en', 'fa', 'ru-RU']);
  });

  it('asks only the chosen languages, matching a regional index by its language', () => {
    expect(languagesToSearch(indexes, ['fa'])).toEqual(['fa']);
    expect(languagesToSearch(indexes, ['ru', 'en'])).toEqual(['en', 'ru-RU']);
    expect(languagesToSearch(indexes, ['de'])).toEqual([]);
  });
});

describe('which answers are shown first', () => {
  it('shows the reader\'s language first and lets the others join', () => {
    expect(firstAndLater(['en', 'fa', 'ru'], 'en')).toEqual({ first: ['en'], later: ['fa', 'ru'] });
  });

  it('waits for every language searched when the reader\'s is not among them', () => {
    expect(firstAndLater(['fa', 'ru'], 'en')).toEqual({ first: ['fa', 'ru'], later: [] });
    expect(firstAndLater(['fa'], undefined)).toEqual({ first: ['fa'], later: [] });
  });

  it('has nothing to wait for when only the reader\'s language is searched', () => {
    expect(firstAndLater(['en'], 'en')).toEqual({ first: ['en'], later: [] });
  });
});

describe('the cache of recent answers', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const cache = lruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // "a" is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces an entry set again', () => {
    const cache = lruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 5);
    expect(cache.get('a')).toBe(5);
    expect(cache.size).toBe(1);
  });
});

describe('when a query typed into the box is searched', () => {
  it('searches four letters and more at once', () => {
    expect(typingDelay('gove')).toBe(0);
    expect(typingDelay('government')).toBe(0);
    expect(typingDelay('')).toBe(0);
  });

  it('waits for a pause in typing while the word being typed is short, longer the shorter it is', () => {
    expect(typingDelay('gov')).toBe(THREE_LETTER_PAUSE_MS);
    expect(typingDelay('go')).toBe(SHORT_QUERY_PAUSE_MS);
    expect(typingDelay('g')).toBe(SHORT_QUERY_PAUSE_MS);
    expect(THREE_LETTER_PAUSE_MS).toBeLessThan(SHORT_QUERY_PAUSE_MS);
    // The last word is the one still being typed.
    expect(typingDelay('iran sa')).toBe(SHORT_QUERY_PAUSE_MS);
    expect(typingDelay('un sanctions')).toBe(0);
  });

  it('never waits in scripts written without spaces', () => {
    expect(typingDelay('石油')).toBe(0);
    expect(typingDelay('ソ')).toBe(0);
  });
});
