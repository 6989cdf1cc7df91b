/**
 * "On this day": events and articles from the build date's month and day in
 * earlier years. The date is the build's (a static site cannot know the
 * reader's day), so the page says which date it was computed for.
 */
import { daysInMonth, makePartialDate, parsePartialDate, partialDateOf, type PartialDate } from '../core/partial-date.ts';
import type { TimelineEntry, TimelineIndex } from './timeline.ts';

/**
 * The day to compute for: `CHRONICLE_BUILD_DATE` (YYYY-MM-DD) when set, for
 * reproducible builds and tests, otherwise today in UTC.
 */
export function buildDate(setting: string | undefined, now: Date = new Date()): PartialDate {
  if (setting === undefined || setting.trim() === '') return partialDateOf(now);
  const parsed = parsePartialDate(setting);
  if (!parsed.ok || parsed.value.precision !== 'day') {
    throw new Error(`CHRONICLE_BUILD_DATE is ${JSON.stringify(setting)}; expected a day like 2018-07-12${parsed.ok ? '' : ` (${parsed.expected})`}`);
  }
  return parsed.value;
}

export interface OnThisDay {
  date: PartialDate;
  /** Shown entries, newest year first, each year in timeline order. */
  entries: TimelineEntry[];
  /** How many entries there are in all. */
  total: number;
}

const key = (month: number, day: number) => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Day-precision entries on the date's month and day in earlier years, at
 * most `limit`. On 28 February of a common year, 29 February is included so
 * leap-day events are not skipped for three years out of four.
 */
export function onThisDay(index: TimelineIndex, date: PartialDate, limit = 8): OnThisDay {
  const month = date.month ?? 1;
  const day = date.day ?? 1;
  const days = [key(month, day)];
  if (month === 2 && day === 28 && daysInMonth(date.year, 2) === 28) days.push(key(2, 29));
  const matching = days
    .flatMap((d) => index.byDayOfYear.get(d) ?? [])
    .filter((entry) => entry.date.year < date.year);
  // Newest year first; within a year keep timeline order (the lists are already ordered).
  const byYear = [...matching].sort((a, b) => b.date.year - a.date.year);
  return { date: makePartialDate(date.year, month, day), entries: byYear.slice(0, limit), total: matching.length };
}
