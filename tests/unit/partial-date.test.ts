import { describe, expect, it } from 'vitest';
import {
  comparePartialDates, daysInMonth, endOfSpan, formatPartialDate, formatSpan, isNotBefore, parseDateTime,
  parsePartialDate, partialDateOf, type PartialDate,
} from '../../src/lib/core/partial-date.ts';

const EXPECTED = 'a year (2015), a month (2015-07) or a day (2015-07-14)';

/** Parses or fails the test. */
function pd(input: unknown): PartialDate {
  const result = parsePartialDate(input);
  if (!result.ok) throw new Error(`expected ${String(input)} to parse, got: ${result.expected}`);
  return result.value;
}

function rejected(input: unknown): string {
  const result = parsePartialDate(input);
  if (result.ok) throw new Error(`expected ${String(input)} to be rejected, got ${result.value.iso}`);
  return result.expected;
}

/** Intl may use thin or narrow no-break spaces around dashes; compare with plain spaces. */
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('parsePartialDate', () => {
  it('parses a year given as a YAML number or a string', () => {
    expect(pd(2015)).toEqual({ year: 2015, precision: 'year', iso: '2015' });
    expect(pd('2015')).toEqual({ year: 2015, precision: 'year', iso: '2015' });
  });

  it('parses a month and a day, keeping the precision', () => {
    expect(pd('2015-07')).toEqual({ year: 2015, month: 7, precision: 'month', iso: '2015-07' });
    expect(pd('2015-07-14')).toEqual({ year: 2015, month: 7, day: 14, precision: 'day', iso: '2015-07-14' });
    expect(pd(' 2015-07 ').iso).toBe('2015-07');
  });

  it('takes a Date (what a timestamp-aware YAML parser gives) as a UTC day', () => {
    expect(pd(new Date('2015-07-14T00:00:00Z'))).toMatchObject({ precision: 'day', iso: '2015-07-14' });
    expect(pd(new Date('2015-07-14T23:30:00-05:00')).iso).toBe('2015-07-15');
  });

  it.each([['July 2015'], ['2015-7'], ['15'], ['2015/07/14'], [2015.5], [null], [undefined], [true], [new Date('nope')]])(
    'rejects %j with the list of accepted forms',
    (input) => expect(rejected(input)).toBe(EXPECTED),
  );

  it('rejects impossible days and months with a helpful expected text', () => {
    expect(rejected('2018-02-30')).toBe('a real day (2018-02 has 28 days)');
    expect(rejected('2019-02-29')).toBe('a real day (2019-02 has 28 days)');
    expect(rejected('2018-04-31')).toBe('a real day (2018-04 has 30 days)');
    expect(rejected('2018-07-00')).toMatch(/a real day/);
    expect(rejected('2018-13')).toBe('a real month (01–12)');
    expect(rejected('2018-00-10')).toBe('a real month (01–12)');
  });

  it('accepts leap days in leap years only', () => {
    expect(pd('2020-02-29').iso).toBe('2020-02-29');
    expect(pd('2000-02-29').iso).toBe('2000-02-29');
    expect(rejected('1900-02-29')).toMatch(/has 28 days/);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2018, 12)).toBe(31);
  });
});

describe('ordering', () => {
  it('puts a less precise date before every date inside its span', () => {
    const order = ['2015', '2015-03', '2015-03-04', '2015-04'].map(pd);
    for (let i = 0; i + 1 < order.length; i++) {
      expect(comparePartialDates(order[i]!, order[i + 1]!)).toBeLessThan(0);
      expect(comparePartialDates(order[i + 1]!, order[i]!)).toBeGreaterThan(0);
    }
    expect(comparePartialDates(pd('2014-12-31'), pd('2015'))).toBeLessThan(0);
    expect(comparePartialDates(pd(2015), pd('2015'))).toBe(0);
  });

  it('sorts a shuffled list chronologically and keeps equal dates in their original order', () => {
    const items = [
      { name: 'd', date: pd('2015-04') }, { name: 'a1', date: pd('2015') }, { name: 'c', date: pd('2015-03-04') },
      { name: 'e', date: pd('2016') }, { name: 'b', date: pd('2015-03') }, { name: 'a2', date: pd(2015) },
    ];
    const sorted = [...items].sort((x, y) => comparePartialDates(x.date, y.date)).map((x) => x.name);
    expect(sorted).toEqual(['a1', 'a2', 'b', 'c', 'd', 'e']);
  });

  it('computes the end of a span and compares spans by it', () => {
    expect(endOfSpan(pd('2015')).iso).toBe('2015-12-31');
    expect(endOfSpan(pd('2016-02')).iso).toBe('2016-02-29');
    expect(endOfSpan(pd('2016-02-10')).iso).toBe('2016-02-10');
    expect(isNotBefore(pd('2018-07'), pd('2018-07-15'))).toBe(true); // July still runs on the 15th
    expect(isNotBefore(pd('2018'), pd('2018-07'))).toBe(true);
    expect(isNotBefore(pd('2018-07-01'), pd('2018-07'))).toBe(true);
    expect(isNotBefore(pd('2018-06-30'), pd('2018-07'))).toBe(false);
    expect(isNotBefore(pd('2017'), pd('2018-01'))).toBe(false);
  });
});

describe('formatting', () => {
  it('formats at the precision the author wrote, never more', () => {
    expect(formatPartialDate(pd(2015))).toBe('2015');
    expect(formatPartialDate(pd('2018-05'))).toBe('May 2018');
    expect(formatPartialDate(pd('2018-05-08'))).toBe('8 May 2018');
    expect(formatPartialDate(pd('2015'))).not.toMatch(/January|\b1\b/);
    expect(formatPartialDate(pd('2015-01'))).toBe('January 2015');
  });

  it('formats with the requested locale through Intl', () => {
    expect(formatPartialDate(pd('2018-05-08'), 'en-US')).toBe('May 8, 2018');
    expect(formatPartialDate(pd('2018-05'), 'ru')).toMatch(/2018/);
    expect(formatPartialDate(pd('2018-12-31'), 'en-GB')).toBe('31 December 2018'); // no time-zone slip
  });

  it('formats spans of equal and mixed precision', () => {
    expect(plain(formatSpan(pd(2015), pd(2016)))).toBe('2015 – 2016');
    expect(plain(formatSpan(pd('2018-05'), pd('2018-06')))).toBe('May – June 2018');
    expect(plain(formatSpan(pd('2018-05-08'), pd('2018-05-10')))).toBe('8 – 10 May 2018');
    expect(plain(formatSpan(pd(2015), pd('2018-05-08')))).toBe('2015 – 8 May 2018');
    expect(formatSpan(pd('2018-05'), undefined)).toBe('May 2018');
  });
});

describe('parseDateTime', () => {
  const iso = (input: unknown) => {
    const result = parseDateTime(input);
    if (!result.ok) throw new Error(`rejected ${String(input)}: ${result.expected}`);
    return result.value.toISOString();
  };

  it('takes a date without a time as midnight UTC', () => {
    expect(iso('2018-07-12')).toBe('2018-07-12T00:00:00.000Z');
  });

  it('applies offsets and treats a time without one as UTC', () => {
    expect(iso('2018-07-12T09:30:00+04:30')).toBe('2018-07-12T05:00:00.000Z');
    expect(iso('2018-07-12T09:30:00.5-02:00')).toBe('2018-07-12T11:30:00.500Z');
    expect(iso('2018-07-12T09:30:00Z')).toBe('2018-07-12T09:30:00.000Z');
    expect(iso('2018-07-12T09:30')).toBe('2018-07-12T09:30:00.000Z');
    expect(iso('2018-07-12 09:30')).toBe('2018-07-12T09:30:00.000Z');
  });

  it('passes a valid Date through', () => {
    expect(iso(new Date('2018-07-12T09:30:00Z'))).toBe('2018-07-12T09:30:00.000Z');
  });

  it('rejects impossible dates, impossible times and other values with an expected text', () => {
    const expected = (input: unknown) => {
      const result = parseDateTime(input);
      return result.ok ? `accepted ${result.value.toISOString()}` : result.expected;
    };
    expect(expected('2018-02-30T10:00Z')).toBe('a real day (2018-02 has 28 days)');
    expect(expected('2018-07-12T24:00')).toBe('a real time of day');
    expect(expected('2018-07-12T09:60')).toBe('a real time of day');
    for (const bad of ['12/07/2018', '2018-07', 2018, null, new Date('nope')]) {
      expect(expected(bad)).toBe('a date (2018-07-12) or an ISO 8601 date-time (2018-07-12T09:30:00Z)');
    }
  });

  it('gives the UTC day of a moment as a day-precision date', () => {
    expect(partialDateOf(new Date('2018-07-12T23:59:59Z'))).toMatchObject({ precision: 'day', iso: '2018-07-12' });
  });
});
