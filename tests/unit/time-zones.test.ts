import { describe, expect, it } from 'vitest';
import {
  dateTimeIn, dayOrDateTime, isDateOnly, isTimeZone, publicationMoment, siteTimeZone, zoneOffsetMinutes,
} from '../../src/lib/core/time-zones.ts';
import { parseDateTime } from '../../src/lib/core/partial-date.ts';

/** What the schema makes of `pubDate: …` in a file. */
const written = (text: string) => {
  const result = parseDateTime(text);
  if (!result.ok) throw new Error(text);
  return result.value;
};

describe('a date written without a time', () => {
  it('is told apart from a date-time', () => {
    expect(isDateOnly(written('2018-07-12'))).toBe(true);
    expect(isDateOnly(written('2018-07-12T09:30:00Z'))).toBe(false);
    expect(isDateOnly(written('2018-07-12T00:00:00+04:30'))).toBe(false);
  });

  it('is published as the day where the format takes a day (JSON-LD, sitemap), a time stays as written', () => {
    expect(dayOrDateTime(written('2018-07-12'))).toBe('2018-07-12');
    expect(dayOrDateTime(written('2018-07-12T09:30:00Z'))).toBe('2018-07-12T09:30:00.000Z');
  });

  it("is noon in the article's zone where a time is needed, the same day everywhere", () => {
    const day = written('2018-07-12');
    expect(publicationMoment(day, 'Asia/Tehran').toISOString()).toBe('2018-07-12T07:30:00.000Z');
    expect(publicationMoment(day, 'America/New_York').toISOString()).toBe('2018-07-12T16:00:00.000Z');
    expect(publicationMoment(day, 'UTC').toISOString()).toBe('2018-07-12T12:00:00.000Z');
    expect(dateTimeIn(day, 'Asia/Tehran')).toBe('2018-07-12T12:00:00+04:30');
    expect(dateTimeIn(day, 'America/New_York')).toBe('2018-07-12T12:00:00-04:00');
    // Winter: Tehran without daylight saving (which it dropped in 2022), New York on standard time.
    expect(dateTimeIn(written('2024-01-10'), 'Asia/Tehran')).toBe('2024-01-10T12:00:00+03:30');
    expect(dateTimeIn(written('2024-01-10'), 'America/New_York')).toBe('2024-01-10T12:00:00-05:00');
    // A written time is left alone.
    const timed = written('2018-07-12T21:30:00Z');
    expect(publicationMoment(timed, 'Asia/Tehran')).toEqual(timed);
    expect(dateTimeIn(timed, 'Asia/Tehran')).toBe('2018-07-12T21:30:00.000Z');
  });

  it('knows offsets through Intl', () => {
    expect(zoneOffsetMinutes(new Date('2018-07-12T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(new Date('2018-07-12T12:00:00Z'), 'UTC')).toBe(0);
  });
});

describe('time zone names', () => {
  it('accepts IANA names Intl knows, refuses others', () => {
    expect(isTimeZone('Asia/Tehran')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Teheran')).toBe(false);
    expect(isTimeZone('Tehran time')).toBe(false);
  });

  it('the site setting defaults to UTC and names a typo with the closest zone', () => {
    expect(siteTimeZone(undefined)).toBe('UTC');
    expect(siteTimeZone(' Europe/Moscow ')).toBe('Europe/Moscow');
    expect(() => siteTimeZone('Europe/Moscw')).toThrow('CHRONICLE_TIMEZONE: got "Europe/Moscw", expected an IANA time zone like "Asia/Tehran"; did you mean "Europe/Moscow"?');
  });
});
