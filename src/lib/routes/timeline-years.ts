import type { PaginateFunction } from 'astro';
import { groupByYear, type TimelineEntry } from '../model/timeline.ts';
import { sectionStarts, TIMELINE_PAGE_SIZE, type YearLink } from '../model/timeline-pages.ts';

/**
 * The static paths of a timeline shown one year at a time: `<base>/<year>/`,
 * then `<base>/<year>/2/`… when a year holds more than a page. Each page gets
 * the year's month shortcuts and its neighbouring years as props.
 */
export function yearPagePaths<P extends Record<string, string>, X extends Record<string, unknown>>(
  paginate: PaginateFunction,
  entries: readonly TimelineEntry[],
  yearPath: (year: number) => string,
  params: P,
  props: X,
) {
  const years = groupByYear(entries);
  const link = (group: { year: number } | undefined): YearLink | undefined => group && { year: group.year, path: yearPath(group.year) };
  return years.flatMap((group, i) => paginate(group.entries, {
    params: { ...params, year: String(group.year) },
    props: {
      ...props,
      year: group.year,
      yearEntries: group.entries,
      starts: sectionStarts(group.entries, TIMELINE_PAGE_SIZE),
      previous: link(years[i - 1]),
      next: link(years[i + 1]),
    },
    pageSize: TIMELINE_PAGE_SIZE,
  }));
}
