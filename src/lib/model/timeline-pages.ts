/**
 * How timelines and the archive are cut into pages, so that no page grows
 * with the archive: a year's entries in pages of fixed size, grouped by
 * month, with the page each month starts on.
 */
import { makePartialDate, type PartialDate } from '../core/partial-date.ts';
import { entityPath, pagePath, timelineYearPath, type EntityCollection } from '../core/urls.ts';
import type { TimelineIndex } from './timeline.ts';

/** Articles (or quotations) on one page of a list: the home page, an entity's articles, a quotes page. */
export const PAGE_SIZE = 20;
/** Entries on one page of a year's timeline. */
export const TIMELINE_PAGE_SIZE = 100;
/**
 * Up to this many entries, an entity's whole timeline is shown on its page;
 * above it, on pages of consecutive years (see `splitByYears`).
 */
export const ENTITY_TIMELINE_LIMIT = TIMELINE_PAGE_SIZE;
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

/**
 * One page of a long timeline: a run of consecutive years (of those that have
 * entries) filled up to the page size, or one part of a year too large for a
 * page. Entries `start` (inclusive) to `end` (exclusive) of the timeline.
 */
export interface YearSpan {
  firstYear: number;
  lastYear: number;
  start: number;
  end: number;
  /** 1-based part of a year split over several pages; 1 for a run of whole years. */
  part: number;
  /** How many parts the year has (1 for a run of whole years). */
  parts: number;
}

/**
 * Cuts an ordered timeline into pages of whole years, each page holding as
 * many consecutive years as fit in `pageSize` entries; a year with more
 * entries than that gets pages of its own. A few busy years make a few pages,
 * and thirty quiet years one, instead of a page per year.
 */
export function splitByYears(entries: readonly Dated[], pageSize: number): YearSpan[] {
  const spans: YearSpan[] = [];
  let open: YearSpan | undefined;
  const close = () => {
    if (open) spans.push(open);
    open = undefined;
  };
  let i = 0;
  while (i < entries.length) {
    const year = entries[i]!.date.year;
    let j = i;
    while (j < entries.length && entries[j]!.date.year === year) j += 1;
    const count = j - i;
    if (count > pageSize) {
      close();
      const parts = Math.ceil(count / pageSize);
      for (let part = 1; part <= parts; part += 1) {
        spans.push({ firstYear: year, lastYear: year, start: i + (part - 1) * pageSize, end: Math.min(j, i + part * pageSize), part, parts });
      }
    } else if (open && open.end - open.start + count <= pageSize) {
      open.lastYear = year;
      open.end = j;
    } else {
      close();
      open = { firstYear: year, lastYear: year, start: i, end: j, part: 1, parts: 1 };
    }
    i = j;
  }
  close();
  return spans;
}

/** Where a span of an entity's timeline is published: its first year's path, then `2/`… for later parts. */
export function yearSpanPath(collection: EntityCollection, id: string, span: YearSpan): string {
  return pagePath(entityTimelineYearPath(collection, id, span.firstYear), span.part);
}

/** A span's years as a reader names them: "2019", or "2001 – 2005". */
export function yearSpanLabel(span: YearSpan): string {
  return span.firstYear === span.lastYear ? String(span.firstYear) : `${span.firstYear} \u2013 ${span.lastYear}`;
}

/**
 * Where each year of a split timeline starts: the page holding it, with the
 * year's anchor when the page holds other years too.
 */
export function yearStarts(spans: readonly YearSpan[], path: (span: YearSpan) => string): Map<number, string> {
  const starts = new Map<number, string>();
  for (const span of spans) {
    if (span.part > 1) continue;
    for (let year = span.firstYear; year <= span.lastYear; year += 1) {
      starts.set(year, span.firstYear === span.lastYear ? path(span) : `${path(span)}#${year}`);
    }
  }
  return starts;
}

/** Where an entry is on the site-wide timeline: its year's page and its month's anchor. */
export function timelineLocation(index: TimelineIndex, key: string): string | undefined {
  const entry = index.byKey.get(key);
  const position = index.yearPosition.get(key);
  if (!entry || position === undefined) return undefined;
  const page = Math.floor(position / TIMELINE_PAGE_SIZE) + 1;
  return `${pagePath(timelineYearPath(entry.date.year), page)}#${sectionId(section(entry.date))}`;
}
