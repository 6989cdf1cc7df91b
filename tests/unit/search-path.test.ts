import { describe, expect, it } from 'vitest';
import { searchPath } from '../../src/lib/core/urls.ts';
import { translatedLanguages, ui } from '../../src/lib/core/i18n/index.ts';

describe('the search page a reader is sent to', () => {
  it('is in their language when the site has interface strings for it', () => {
    expect(translatedLanguages()).toEqual(['fa', 'ru']);
    expect(searchPath('fa', translatedLanguages())).toBe('/search/fa/');
    expect(searchPath('fa-IR', translatedLanguages())).toBe('/search/fa/');
    expect(searchPath('RU', translatedLanguages())).toBe('/search/ru/');
  });

  it('is the English page otherwise', () => {
    expect(searchPath('en', translatedLanguages())).toBe('/search/');
    expect(searchPath('en-GB', translatedLanguages())).toBe('/search/');
    expect(searchPath('ar', translatedLanguages())).toBe('/search/');
  });

  it('each translated language has its own words for the search page', () => {
    for (const lang of translatedLanguages()) {
      expect(ui(lang).searchTitle).not.toBe(ui('en').searchTitle);
      expect(ui(lang).searchResultsNone).not.toBe(ui('en').searchResultsNone);
    }
  });
});
