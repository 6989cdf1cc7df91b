import { describe, expect, it } from 'vitest';
import {
  INDEX_JOINER, foldArabicScript, normalizeForIndex, normalizeHtmlForIndex, normalizeQuery, restoreJoiners,
} from '../../src/lib/search/normalize.ts';
import { usesArabicScript } from '../../src/lib/core/language.ts';

const ZWNJ = '\u200C';

describe('Persian letter variants', () => {
  it('spells Arabic yeh and kaf the Persian way in the index and in queries', () => {
    // "cooperation" typed on an Arabic keyboard and on a Persian one
    const arabicKeyboard = 'همك\u0627ري';
    const persianKeyboard = 'همکاری';
    expect(arabicKeyboard).not.toBe(persianKeyboard);
    expect(normalizeQuery(arabicKeyboard)).toBe(persianKeyboard);
    expect(normalizeForIndex(arabicKeyboard)).toBe(persianKeyboard);
    expect(normalizeForIndex(persianKeyboard)).toBe(persianKeyboard);
  });

  it('folds alef maksura, teh marbuta, heh with yeh and hamza-seated alefs', () => {
    expect(foldArabicScript('مصطفى')).toBe('مصطفی');
    expect(foldArabicScript('علاقة')).toBe('علاقه');
    expect(foldArabicScript('خانۀ')).toBe(foldArabicScript('خانهٔ'));
    expect(foldArabicScript('تأثیر')).toBe('تاثیر');
    expect(foldArabicScript('إسلام')).toBe('اسلام');
  });

  it('keeps آ, which is a different letter in Persian, and composes its decomposed spelling', () => {
    expect(foldArabicScript('آمریکا')).toBe('آمریکا');
    expect(foldArabicScript('\u0627\u0653مریکا')).toBe('آمریکا');
  });

  it('drops short vowels, tanwin, shadda and tatweel', () => {
    expect(foldArabicScript('کِتابٌ')).toBe('کتاب');
    expect(foldArabicScript('محمّد')).toBe('محمد');
    expect(foldArabicScript('کـــتاب')).toBe('کتاب');
  });

  it('reads presentation forms as ordinary letters', () => {
    expect(foldArabicScript('\uFEDB\uFE98\uFE8E\uFE8F')).toBe('کتاب');
  });

  it('writes Persian and Arabic-Indic digits as ASCII digits', () => {
    expect(foldArabicScript('سال ۱۳۹۷')).toBe('سال 1397');
    expect(foldArabicScript('عام ٢٠١٨', 'ar')).toBe('عام 2018');
  });

  it('folds Arabic text the Arabic way on Arabic pages', () => {
    expect(foldArabicScript('فی', 'ar')).toBe('في');
    expect(foldArabicScript('آفاق', 'ar')).toBe('افاق');
    expect(foldArabicScript('كتاب', 'ar')).toBe('كتاب');
    expect(normalizeQuery('کتاب', 'ar')).toBe(normalizeForIndex('كتاب', 'ar'));
  });

  it('leaves Latin and Cyrillic text alone', () => {
    const text = 'Переговоры Ирана и России — talks in Moscow, “2018”…';
    expect(normalizeForIndex(text, 'ru')).toBe(text);
    expect(normalizeQuery('переговорами', 'ru')).toBe('переговорами');
  });
});

describe('zero-width non-joiners', () => {
  const joined = `می${ZWNJ}شود`;

  it('indexes a ZWNJ-joined word as one compound with a visible joiner', () => {
    expect(normalizeForIndex(`این کار انجام ${joined}.`)).toBe(`این کار انجام می${INDEX_JOINER}شود.`);
  });

  it('reads the invisible characters writers type instead of a ZWNJ as a ZWNJ', () => {
    for (const lookalike of ['\u200D', '\u200B', '\u00AD', '\u2060', '\uFEFF']) {
      expect(normalizeForIndex(`می${lookalike}شود`)).toBe(`می${INDEX_JOINER}شود`);
      expect(normalizeQuery(`می${lookalike}شود`)).toBe('می شود');
    }
  });

  it('drops a joiner that does not sit between two letters', () => {
    expect(normalizeForIndex(`کتاب${ZWNJ} ها`)).toBe('کتاب ها');
    expect(normalizeForIndex(`${ZWNJ}کتاب`)).toBe('کتاب');
  });

  it('splits a ZWNJ-joined query into its parts, so it matches the spaced spelling too', () => {
    expect(normalizeQuery(joined)).toBe('می شود');
    expect(normalizeQuery('می   شود ')).toBe('می شود');
    expect(normalizeQuery(`نمي${ZWNJ}شود`)).toBe('نمی شود');
  });

  it('shows the index joiner as a ZWNJ again, and only between Arabic-script letters', () => {
    expect(restoreJoiners(normalizeForIndex(joined))).toBe(joined);
    expect(restoreJoiners(`انجام <mark>می${INDEX_JOINER}شود</mark>`)).toBe(`انجام <mark>${joined}</mark>`);
    expect(restoreJoiners('about ~5 km, a~b')).toBe('about ~5 km, a~b');
  });
});

describe('built pages', () => {
  it('normalises the text of a Persian page and keeps its markup', () => {
    const html = `<html lang="fa" dir="rtl"><body><a href="/articles/x/" class="k">همكاري</a><p>می&zwnj;شود و می&#x200c;کنند</p></body></html>`;
    expect(normalizeHtmlForIndex(html)).toBe(
      `<html lang="fa" dir="rtl"><body><a href="/articles/x/" class="k">همکاری</a><p>می${INDEX_JOINER}شود و می${INDEX_JOINER}کنند</p></body></html>`,
    );
  });

  it('folds Persian quoted on an English page the Persian way', () => {
    expect(normalizeHtmlForIndex('<html lang="en"><p>the word همكاري</p></html>')).toBe('<html lang="en"><p>the word همکاری</p></html>');
  });

  it('returns pages without Arabic script unchanged', () => {
    const html = '<html lang="ru"><p>Переговоры&shy;продолжаются</p></html>';
    expect(normalizeHtmlForIndex(html)).toBe(html);
  });

  it('knows which languages are written in Arabic script', () => {
    expect(['fa', 'fa-IR', 'ar', 'ur'].map(usesArabicScript)).toEqual([true, true, true, true]);
    expect(['en', 'ru', 'he'].map(usesArabicScript)).toEqual([false, false, false]);
  });
});
