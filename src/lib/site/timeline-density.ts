/**
 * Density of a timeline: how many events and articles fall in each month (or
 * each year, for long ranges), and the geometry of the bar chart drawn from
 * it at build time. The number of bars depends on the time range, never on
 * how many entries there are.
 */
import { isEvent, type TimelineEntry } from '../model/timeline.ts';

export interface Bin {
  year: number;
  /** 1–12 for monthly bins; absent for yearly bins. */
  month?: number;
  events: number;
  articles: number;
}

export interface Density {
  unit: 'month' | 'year';
  /** Consecutive bins from the first to the last, empty ones included. */
  bins: Bin[];
  /** Entries dated only to a year, which a monthly chart cannot place. */
  yearOnly: number;
  /** The largest events + articles of any bin. */
  max: number;
}

/** Above this many months the chart counts per year instead. */
export const MAX_MONTH_BINS = 240;

export function density(entries: readonly TimelineEntry[]): Density {
  if (entries.length === 0) return { unit: 'month', bins: [], yearOnly: 0, max: 0 };
  let first = Infinity;
  let last = -Infinity;
  let dated = false;
  for (const entry of entries) {
    first = Math.min(first, entry.date.year);
    last = Math.max(last, entry.date.year);
    dated ||= entry.date.month !== undefined;
  }
  // Whole years, January to December, so year boundaries fall on bin edges.
  const unit = !dated || (last - first + 1) * 12 > MAX_MONTH_BINS ? 'year' : 'month';
  const monthIndex = (e: TimelineEntry) => (e.date.year - first) * 12 + (e.date.month ?? 1) - 1;

  const bins: Bin[] = [];
  let yearOnly = 0;
  if (unit === 'year') {
    for (let year = first; year <= last; year += 1) bins.push({ year, events: 0, articles: 0 });
    for (const entry of entries) count(bins[entry.date.year - first]!, entry);
  } else {
    for (let year = first; year <= last; year += 1) {
      for (let month = 1; month <= 12; month += 1) bins.push({ year, month, events: 0, articles: 0 });
    }
    for (const entry of entries) {
      if (entry.date.month === undefined) yearOnly += 1;
      else count(bins[monthIndex(entry)]!, entry);
    }
  }
  const max = bins.reduce((m, bin) => Math.max(m, bin.events + bin.articles), 0);
  return { unit, bins, yearOnly, max };
}

function count(bin: Bin, entry: TimelineEntry) {
  if (isEvent(entry)) bin.events += 1;
  else bin.articles += 1;
}

export interface Bar {
  /** Position and width in bins (the chart's x unit is one bin). */
  x: number;
  /** Heights as fractions of the chart height (0–1); events stacked on articles. */
  articles: number;
  events: number;
  bin: Bin;
}

export interface Tick {
  /** Position as a fraction of the width (0–1), at the start of the year. */
  at: number;
  year: number;
}

/** Bars (empty bins left out) and year ticks, at most `maxTicks` of them, on round years. */
export function chartGeometry(d: Density, maxTicks = 8): { bars: Bar[]; ticks: Tick[]; width: number } {
  const width = d.bins.length;
  const bars = d.bins.flatMap((bin, x): Bar[] => {
    const total = bin.events + bin.articles;
    return total === 0 ? [] : [{ x, articles: bin.articles / d.max, events: bin.events / d.max, bin }];
  });
  const first = d.bins[0]?.year;
  const last = d.bins[d.bins.length - 1]?.year;
  if (first === undefined || last === undefined) return { bars, ticks: [], width };
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find((s) => Math.ceil((last - first + 1) / s) <= maxTicks) ?? 1000;
  const ticks: Tick[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    const x = d.bins.findIndex((bin) => bin.year === year);
    if (x >= 0) ticks.push({ at: x / width, year });
  }
  if (ticks.length === 0) ticks.push({ at: 0, year: first });
  return { bars, ticks, width };
}

/** The busiest bin, for the chart's text alternative. */
export function busiest(d: Density): Bin | undefined {
  return d.bins.reduce<Bin | undefined>((best, bin) => (!best || bin.events + bin.articles > best.events + best.articles ? bin : best), undefined);
}
