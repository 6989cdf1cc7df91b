import { recordName, type Archive } from '../model/archive.ts';
import { countByYear, entityTimeline, type TimelineCollection, type TimelineEntry } from '../model/timeline.ts';
import {
  ENTITY_TIMELINE_LIMIT, sectionStarts, splitByYears, TIMELINE_PAGE_SIZE, yearSpanLabel, yearSpanPath, yearStarts,
  type SectionStart, type YearSpan,
} from '../model/timeline-pages.ts';

/** Display names, the way each entity page titles itself. */
export function entityName(archive: Archive, collection: TimelineCollection, id: string): string {
  const record = archive.entities.get(collection)?.get(id);
  return record ? recordName(record) : collection === 'countries' ? id.toUpperCase() : id;
}

/** A year of a split timeline in the year navigation: its counts and the page holding it. */
export interface YearPlace { year: number; events: number; articles: number; path: string }

/** A neighbouring page of a split timeline. */
export interface SpanLink { label: string; path: string }

/** An entity's timeline when it is too long for the entity's page: its pages and where each year is. */
export interface SplitTimeline {
  spans: YearSpan[];
  years: YearPlace[];
}

const splits = new WeakMap<readonly TimelineEntry[], SplitTimeline | undefined>();

/**
 * How an entity's timeline is cut into pages, or undefined when it is short
 * enough to be shown whole on the entity's page. Worked out once per entity
 * per build: the entity page and each of its timeline pages ask for it.
 */
export function splitTimeline(archive: Archive, collection: TimelineCollection, id: string): SplitTimeline | undefined {
  const entries = entityTimeline(archive.timeline, collection, id);
  if (splits.has(entries)) return splits.get(entries);
  let split: SplitTimeline | undefined;
  if (entries.length > ENTITY_TIMELINE_LIMIT) {
    const spans = splitByYears(entries, TIMELINE_PAGE_SIZE);
    const starts = yearStarts(spans, (span) => yearSpanPath(collection, id, span));
    split = { spans, years: countByYear(entries).map((y) => ({ ...y, path: starts.get(y.year)! })) };
  }
  splits.set(entries, split);
  return split;
}

/** A type, not an interface: Astro's page props must be assignable to a plain record. */
export type EntityTimelinePageProps = {
  collection: TimelineCollection;
  id: string;
  name: string;
  span: YearSpan;
  entries: TimelineEntry[];
  /** For a year split over several pages: where each month starts (month shortcuts). */
  months: SectionStart[];
  years: YearPlace[];
  previous: SpanLink | undefined;
  next: SpanLink | undefined;
};

/**
 * Timeline pages for every entity of a collection whose timeline is too long
 * to show whole on its page: `/people/<id>/timeline/2001/` for a run of
 * years starting in 2001, `/people/<id>/timeline/2018/2/` for the second
 * page of a year too large for one.
 */
export function entityTimelinePaths(archive: Archive, collection: TimelineCollection, param: 'id' | 'code' = 'id') {
  const ids = archive.entities.get(collection)!.keys();
  return [...ids].flatMap((id) => {
    const split = splitTimeline(archive, collection, id);
    if (!split) return [];
    const all = entityTimeline(archive.timeline, collection, id);
    const name = entityName(archive, collection, id);
    const link = (span: YearSpan | undefined): SpanLink | undefined => span && { label: yearSpanLabel(span), path: yearSpanPath(collection, id, span) };
    return split.spans.map((span, i) => {
      const props: EntityTimelinePageProps = {
        collection, id, name, span,
        entries: all.slice(span.start, span.end),
        months: span.parts > 1 ? yearMonths(all, span) : [],
        years: split.years,
        previous: link(split.spans[i - 1]),
        next: link(split.spans[i + 1]),
      };
      return { params: { [param]: id, year: String(span.firstYear), page: span.part > 1 ? String(span.part) : undefined }, props };
    });
  });
}

/** Month shortcuts of a year that has pages of its own, pages counted from the year's first. */
function yearMonths(all: readonly TimelineEntry[], span: YearSpan): SectionStart[] {
  const first = span.start - (span.part - 1) * TIMELINE_PAGE_SIZE;
  let last = first;
  while (last < all.length && all[last]!.date.year === span.firstYear) last += 1;
  return sectionStarts(all.slice(first, last), TIMELINE_PAGE_SIZE);
}
