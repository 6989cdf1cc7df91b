/**
 * Partial dates: a year, a month or a day, with the precision kept.
 *
 * Authors write `2015`, `2015-07` or `2015-07-14`. A year-precision date is a
 * span (the whole year) and is never shown or sorted as 1 January.
 */

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  /** 1–12, present for month and day precision. */
  month?: number;
  /** 1–31, present for day precision. */
  day?: number;
  precision: Precision;
  /** The ISO 8601 form at its own precision: `2015`, `2015-07`, `2015-07-14`. */
  iso: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; expected: string };

const EXPECTED = 'a year (2015), a month (2015-07) or a day (2015-07-14)';
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function makePartialDate(year: number, month?: number, day?: number): PartialDate {
  if (month === undefined) return { year, precision: 'year', iso: pad(year, 4) };
  if (day === undefined) return { year, month, precision: 'month', iso: `${pad(year, 4)}-${pad(month)}` };
  return { year, month, day, precision: 'day', iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/**
 * Parses what YAML gives for a partial date: a number (`2015`), a string
 * (`"2015-07"`), or a Date (YAML parsers turn unquoted `2015-07-14` into one).
 */
export function parsePartialDate(input: unknown): ParseResult<PartialDate> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, expected: EXPECTED };
    return { ok: true, value: makePartialDate(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate()) };
  }
  if (typeof input === 'number' && Number.isInteger(input)) input = String(input);
  if (typeof input !== 'string') return { ok: false, expected: EXPECTED };
  const match = PARTIAL.exec(input.trim());
  if (!match) return { ok: false, expected: EXPECTED };
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) {
    return { ok: false, expected: 'a real month (01–12)' };
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return { ok: false, expected: `a real day (${pad(year, 4)}-${pad(month)} has ${daysInMonth(year, month)} days)` };
  }
  return { ok: true, value: makePartialDate(year, month, day) };
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an article's date or date-time (`2018-07-12`, `2018-07-12T09:30:00+04:30`).
 * A date without a time is taken as midnight UTC.
 */
export function parseDateTime(input: unknown): ParseResult<Date> {
  const expected = 'a date (2018-07-12) or an ISO 8601 date-time (2018-07-12T09:30:00Z)';
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? { ok: false, expected } : { ok: true, value: input };
  }
  if (typeof input !== 'string') return { ok: false, expected };
  const match = DATE_TIME.exec(input.trim());
  if (!match) return { ok: false, expected };
  const day = parsePartialDate(match[1]);
  if (!day.ok) return day;
  const [h, m, s] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0)) as [number, number, number];
  if (h > 23 || m > 59 || s > 59) return { ok: false, expected: 'a real time of day' };
  const text = match[2] === undefined ? `${match[1]}T00:00:00Z` : input.trim().replace(' ', 'T') + (match[5] ? '' : 'Z');
  const value = new Date(text);
  return Number.isNaN(value.getTime()) ? { ok: false, expected } : { ok: true, value };
}

/** A day-precision partial date for a moment (in UTC). */
export function partialDateOf(moment: Date): PartialDate {
  return makePartialDate(moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate());
}

/**
 * Chronological order where a less precise date comes before every more
 * precise date inside its span: 2015 < 2015-03 < 2015-03-04 < 2015-04.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** The last day the partial date covers, for span checks (`end` not before `date`). */
export function endOfSpan(d: PartialDate): PartialDate {
  const month = d.month ?? 12;
  return makePartialDate(d.year, month, d.day ?? daysInMonth(d.year, month));
}

/** True when `later` does not start before `earlier` starts. */
export function isNotBefore(later: PartialDate, earlier: PartialDate): boolean {
  return comparePartialDates(endOfSpan(later), earlier) >= 0;
}

const FORMATS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, FORMATS[precision])));
  return f;
}

/** "2015", "May 2018", "8 May 2018": never more precise than the author was. */
export function formatPartialDate(d: PartialDate, locale = 'en-GB'): string {
  return formatter(locale, d.precision).format(new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1, 12)));
}

/** "2015 – 2016", "May – June 2018" is left to Intl where both ends share a precision. */
export function formatSpan(start: PartialDate, end: PartialDate | undefined, locale = 'en-GB'): string {
  if (!end) return formatPartialDate(start, locale);
  if (start.precision === end.precision) {
    const toDate = (d: PartialDate) => new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1, 12));
    return formatter(locale, start.precision).formatRange(toDate(start), toDate(end));
  }
  return `${formatPartialDate(start, locale)} – ${formatPartialDate(end, locale)}`;
}
