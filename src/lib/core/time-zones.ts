/**
 * Honest publication dates. An author who writes `pubDate: 2018-07-12` gave
 * a day, not a moment: the schema reads it as midnight UTC, and every output
 * must either say only the day (JSON-LD, the sitemap) or, where a format
 * demands a time (RSS `pubDate`, `article:published_time`), say noon in the
 * article's time zone, which is the same day everywhere a reader might be.
 * Never midnight UTC, which is the evening before in New York.
 *
 * A date-time at exactly midnight UTC reads as a day: the content layer keeps
 * only the `Date`, and a story filed at 00:00:00.000 UTC is the rare case.
 *
 * Browser-safe: Intl only.
 */
import { closestId } from './closest.ts';

/** The zone a site without a setting uses. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** Whether the date was written as a day without a time (the schema reads those as midnight UTC). */
export function isDateOnly(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

/** `2018-07-12`: the day as written. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The IANA names this runtime knows (`Asia/Tehran`), for "did you mean". */
export function knownTimeZones(): string[] {
  return [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])];
}

/** Whether Intl knows the zone: an IANA name such as `Asia/Tehran`, or `UTC`. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at that moment (Tehran in July 2018: 270). */
export function zoneOffsetMinutes(moment: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(moment).map((p) => [p.type, Number(p.value)]));
  const local = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return Math.round((local - Math.floor(moment.getTime() / 1000) * 1000) / 60000);
}

/** The moment a date stands for: itself when it has a time; noon of its day in `timeZone` when it is a day. */
export function publicationMoment(date: Date, timeZone: string): Date {
  if (!isDateOnly(date)) return date;
  const noonUtc = date.getTime() + 12 * 3600_000;
  return new Date(noonUtc - zoneOffsetMinutes(new Date(noonUtc), timeZone) * 60_000);
}

/** For formats that take a day (JSON-LD, sitemap `lastmod`): `2018-07-12` for a day, the full ISO date-time otherwise. */
export function dayOrDateTime(date: Date): string {
  return isDateOnly(date) ? isoDay(date) : date.toISOString();
}

/**
 * For formats that need a time (`article:published_time`): a day becomes
 * noon in the zone with its offset (`2018-07-12T12:00:00+04:30`), a time
 * stays as written (in UTC, `Z`).
 */
export function dateTimeIn(date: Date, timeZone: string): string {
  if (!isDateOnly(date)) return date.toISOString();
  const offset = zoneOffsetMinutes(publicationMoment(date, timeZone), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${isoDay(date)}T12:00:00${sign}${hours}:${minutes}`;
}

/** The site's zone from its setting (`CHRONICLE_TIMEZONE`), UTC when unset; a name Intl does not know is an error. */
export function siteTimeZone(setting: string | undefined): string {
  const name = setting?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(name)) {
    const suggestion = closestId(name, knownTimeZones());
    throw new Error(`CHRONICLE_TIMEZONE: got ${JSON.stringify(setting)}, expected an IANA time zone like "Asia/Tehran"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
  }
  return name;
}

/** The zone an article's day is read in: its own `timezone`, else the site's. */
export const articleTimeZone = (article: { data?: { timezone?: string | undefined } }, site: string) => article.data?.timezone ?? site;
