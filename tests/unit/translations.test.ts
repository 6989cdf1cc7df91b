import { describe, expect, it } from 'vitest';
import { translationGroups } from '../../src/lib/model/translations.ts';
import { languageName } from '../../src/lib/core/language.ts';

const summary = (group: { id: string; lang: string; original: boolean }[] | undefined) =>
  group?.map((m) => `${m.id}:${m.lang}${m.original ? '*' : ''}`);

describe('translation groups', () => {
  it('links an original and its translations both ways, original first', () => {
    const groups = translationGroups([
      { id: 'en-story', lang: 'en' },
      { id: 'ru-story', lang: 'ru', translationOf: 'en-story' },
      { id: 'fa-story', lang: 'fa', translationOf: 'en-story' },
      { id: 'alone', lang: 'en' },
    ]);
    const expected = ['en-story:en*', 'fa-story:fa', 'ru-story:ru'];
    expect(summary(groups.get('en-story'))).toEqual(expected);
    expect(summary(groups.get('fa-story'))).toEqual(expected);
    expect(summary(groups.get('ru-story'))).toEqual(expected);
    expect(groups.has('alone')).toBe(false);
  });

  it('follows a translation of a translation back to the original', () => {
    const groups = translationGroups([
      { id: 'b', lang: 'ru', translationOf: 'a' },
      { id: 'c', lang: 'en', translationOf: 'b' },
      { id: 'a', lang: 'fa' },
    ]);
    expect(summary(groups.get('c'))).toEqual(['a:fa*', 'c:en', 'b:ru']);
  });

  it('keeps translations of an unpublished original together, without a link to it', () => {
    const groups = translationGroups([
      { id: 'x-fa', lang: 'fa', translationOf: 'draft-original' },
      { id: 'x-ru', lang: 'ru', translationOf: 'draft-original' },
    ]);
    expect(summary(groups.get('x-fa'))).toEqual(['x-fa:fa', 'x-ru:ru']);
  });

  it('does not loop on a cycle', () => {
    const groups = translationGroups([
      { id: 'p', lang: 'en', translationOf: 'q' },
      { id: 'q', lang: 'fa', translationOf: 'p' },
    ]);
    expect(summary(groups.get('q'))).toEqual(['p:en*', 'q:fa']);
  });
});

describe('language names', () => {
  it('names each language in itself by default, or in the page language', () => {
    expect(languageName('fa')).toBe('فارسی');
    expect(languageName('ru')).toBe('русский');
    expect(languageName('en')).toBe('English');
    expect(languageName('ru', 'en')).toBe('Russian');
    expect(languageName('fa', 'ru')).toBe('персидский');
  });
});
