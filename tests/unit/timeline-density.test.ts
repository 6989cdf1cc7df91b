import { describe, expect, it } from 'vitest';
import { busiest, chartGeometry, density, MAX_MONTH_BINS } from '../../src/lib/site/timeline-density.ts';
import { archiveOf, article, event, topic } from '../fixtures/timeline-archive.ts';

describe('density buckets', () => {
  const archive = archiveOf({
    'topics/t.md': topic('T'),
    'events/year.md': event('Year only', '2015', 'topics: [t]'),
    'events/may.md': event('May', '2018-05', 'topics: [t]'),
    'events/may-8.md': event('May 8', '2018-05-08', 'topics: [t]'),
    'articles/a.md': article('A', '2018-05-20', 'topics: [t]'),
    'articles/b.md': article('B', '2018-07-12', 'topics: [t]'),
  });
  const d = density(archive.timeline.entries);

  it('counts events and articles per month over whole years, empty months included', () => {
    expect(d.unit).toBe('month');
    expect(d.bins).toHaveLength(4 * 12); // 2015 to 2018
    expect(d.bins[0]).toEqual({ year: 2015, month: 1, events: 0, articles: 0 });
    const may = d.bins.find((b) => b.year === 2018 && b.month === 5);
    expect(may).toEqual({ year: 2018, month: 5, events: 2, articles: 1 });
    expect(d.bins.find((b) => b.year === 2018 && b.month === 7)).toEqual({ year: 2018, month: 7, events: 0, articles: 1 });
    expect(d.max).toBe(3);
    expect(busiest(d)).toBe(may);
  });

  it('does not pretend a year-precision event happened in January', () => {
    expect(d.yearOnly).toBe(1);
    expect(d.bins.filter((b) => b.year === 2015).every((b) => b.events === 0)).toBe(true);
  });

  it('counts per year when the range is too long for monthly bars, the year-only ones included', () => {
    const long = archiveOf({
      'topics/t.md': topic('T'),
      'events/old.md': event('Old', '1950', 'topics: [t]'),
      'events/new.md': event('New', '2018-05-08', 'topics: [t]'),
    });
    const yearly = density(long.timeline.entries);
    expect((2018 - 1950 + 1) * 12).toBeGreaterThan(MAX_MONTH_BINS);
    expect(yearly.unit).toBe('year');
    expect(yearly.bins).toHaveLength(2018 - 1950 + 1);
    expect(yearly.bins[0]).toEqual({ year: 1950, events: 1, articles: 0 });
    expect(yearly.yearOnly).toBe(0);
  });

  it('is empty for an empty timeline', () => {
    expect(density([])).toEqual({ unit: 'month', bins: [], yearOnly: 0, max: 0 });
  });
});

describe('chart geometry', () => {
  it('draws one bar per non-empty bin, scaled to the busiest, with year ticks', () => {
    const archive = archiveOf({
      'topics/t.md': topic('T'),
      'events/a.md': event('A', '2016-03-01', 'topics: [t]'),
      'events/b.md': event('B', '2016-03-02', 'topics: [t]'),
      'articles/c.md': article('C', '2017-12-31', 'topics: [t]'),
    });
    const { bars, ticks, width } = chartGeometry(density(archive.timeline.entries));
    expect(width).toBe(24);
    expect(bars.map((b) => [b.x, b.events, b.articles])).toEqual([[2, 1, 0], [23, 0, 0.5]]);
    expect(ticks).toEqual([{ at: 0, year: 2016 }, { at: 0.5, year: 2017 }]);
  });

  it('keeps the number of labels small on long ranges, on round years', () => {
    const archive = archiveOf({
      'topics/t.md': topic('T'),
      'events/a.md': event('A', '1903', 'topics: [t]'),
      'events/b.md': event('B', '2024', 'topics: [t]'),
    });
    const { ticks } = chartGeometry(density(archive.timeline.entries), 8);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.map((t) => t.year)).toEqual([1920, 1940, 1960, 1980, 2000, 2020]);
  });
});
