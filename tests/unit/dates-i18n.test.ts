import { describe, expect, it } from 'vitest';
import { displayLocale, formatNumber, localizedDates } from '../../src/lib/core/dates.ts';
import { makePartialDate, partialDateOf, type PartialDate } from '../../src/lib/core/partial-date.ts';

const day = makePartialDate(2018, 7, 12);
const texts = (lang: string, start: PartialDate, end?: PartialDate) =>
  localizedDates(lang, start, end).map((d) => `${d.calendar}: ${d.text}`);

describe('dates in the page language', () => {
  it('keeps English pages in the site style', () => {
    expect(texts('en', day)).toEqual(['gregory: 12 July 2018']);
    expect(texts('en-US', day)).toEqual(['gregory: 12 July 2018']);
    expect(texts('en', makePartialDate(2015))).toEqual(['gregory: 2015']);
  });

  it('writes Russian dates the Russian way', () => {
    expect(texts('ru', day)).toEqual(['gregory: 12 июля 2018 г.']);
    expect(texts('ru', makePartialDate(2018, 5))).toEqual(['gregory: май 2018 г.']);
  });

  it('gives Persian pages the Solar Hijri date first, then the Gregorian one, both in Persian digits', () => {
    expect(texts('fa', day)).toEqual(['persian: ۲۱ تیر ۱۳۹۷', 'gregory: ۱۲ ژوئیهٔ ۲۰۱۸']);
    // An article's moment is read in UTC, like every other date on the site.
    expect(texts('fa', partialDateOf(new Date('2018-03-20T23:30:00Z')))).toEqual(['persian: ۲۹ اسفند ۱۳۹۶', 'gregory: ۲۰ مارس ۲۰۱۸']);
    expect(texts('fa', partialDateOf(new Date('2018-03-21T00:00:00Z')))).toEqual(['persian: ۱ فروردین ۱۳۹۷', 'gregory: ۲۱ مارس ۲۰۱۸']);
  });

  it('adds no Solar Hijri date to a Gregorian month or year, which straddles two Persian ones', () => {
    expect(texts('fa', makePartialDate(2018, 7))).toEqual(['gregory: ژوئیهٔ ۲۰۱۸']);
    expect(texts('fa', makePartialDate(2015))).toEqual(['gregory: ۲۰۱۵']);
    expect(texts('fa', makePartialDate(2015), makePartialDate(2018, 7, 12))).toEqual(['gregory: ۲۰۱۵ – ۱۲ ژوئیهٔ ۲۰۱۸']);
  });

  it('shows a span of days in both calendars', () => {
    const [solar, gregorian] = localizedDates('fa', makePartialDate(2015, 7, 14), makePartialDate(2015, 7, 20));
    expect(solar!.text).toContain('۱۳۹۴');
    expect(gregorian!.text).toContain('۲۰۱۵');
    expect(solar!.locale).toBe('fa-IR-u-ca-persian');
    expect(gregorian!.locale).toBe('fa-IR-u-ca-gregory');
  });

  it('passes other languages to Intl as they are', () => {
    expect(displayLocale('he')).toBe('he');
    expect(texts('he', day)).toEqual(['gregory: 12 ביולי 2018']);
  });
});

describe('numbers in the page language', () => {
  it('uses the locale digits', () => {
    expect(formatNumber(12, 'fa')).toBe('۱۲');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(3, 'ru')).toBe('3');
  });
});
