/**
 * How timelines and the archive are cut into pages, so that no page grows
 * with the archive: a year's entries in pages of fixed size, grouped by
 * month, with the page each month starts on.
 */
import { makePartialDate, type PartialDate } from './partial-date.ts';
import { entityPath, pagePath, timelineYearPath, type EntityCollection } from './urls.ts';
import type { TimelineIndex } from './timeline.ts';

/** Entries on one page of a year's timeline. */
export const TIMELINE_PAGE_SIZE = 100;
/** Up to this many entries, an entity's whole timeline is shown on its page; above it, by year. */
export const ENTITY_TIMELINE_LIMIT = 40;
/** Articles on one page of a year of the archive. */
export const ARCHIVE_PAGE_SIZE = 100;
/** Source articles listed under one timeline entry; the rest are on the event's page. */
export const SOURCES_SHOWN = 3;
/** Entries an in-article `<Timeline>` shows before pointing to the full timeline. */
export const EMBED_LIMIT = 30;

export interface Dated { date: PartialDate }

/** A neighbouring year of a timeline shown year by year. */
export interface YearLink { year: number; path: string }

/** The month (or, for a year-precision date, the year) a dated item is filed under. */
export function section(date: PartialDate): PartialDate {
  return date.month === undefined ? makePartialDate(date.year) : makePartialDate(date.year, date.month);
}

/** Splits an ordered list into runs of the same month; year-precision items form their own run. */
export function groupBySection<T extends Dated>(items: readonly T[]): { section: PartialDate; items: T[] }[] {
  const groups: { section: PartialDate; items: T[] }[] = [];
  for (const item of items) {
    const s = section(item.date);
    const last = groups[groups.length - 1];
    if (last && last.section.iso === s.iso) last.items.push(item);
    else groups.push({ section: s, items: [item] });
  }
  return groups;
}

export interface SectionStart {
  section: PartialDate;
  count: number;
  /** 1-based page on which the section begins. */
  page: number;
}

/** Every section of an ordered list with its size and the page it starts on. */
export function sectionStarts<T extends Dated>(items: readonly T[], pageSize: number): SectionStart[] {
  const starts: SectionStart[] = [];
  let index = 0;
  for (const group of groupBySection(items)) {
    starts.push({ section: group.section, count: group.items.length, page: Math.floor(index / pageSize) + 1 });
    index += group.items.length;
  }
  return starts;
}

/** The anchor of a section: `2018-05` for a month, `2018` for a year. */
export const sectionId = (s: PartialDate) => s.iso;

/** Link to a section on a paginated listing whose page 1 is at `path`. */
export function sectionHref(path: string, start: SectionStart): string {
  return `${pagePath(path, start.page)}#${sectionId(start.section)}`;
}

/** A year of an entity's timeline, when it is too long for the entity's own page. */
export function entityTimelineYearPath(collection: EntityCollection, id: string, year: number): string {
  return `${entityPath(collection, id)}timeline/${year}/`;
}

/** Where an entry is on the site-wide timeline: its year's page and its month's anchor. */
export function timelineLocation(index: TimelineIndex, key: string): string | undefined {
  const entry = index.byKey.get(key);
  const position = index.yearPosition.get(key);
  if (!entry || position === undefined) return undefined;
  const page = Math.floor(position / TIMELINE_PAGE_SIZE) + 1;
  return `${pagePath(timelineYearPath(entry.date.year), page)}#${sectionId(section(entry.date))}`;
}
