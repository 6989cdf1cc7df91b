import { describe, expect, it } from 'vitest';
import {
  entityTimelineYearPath, groupBySection, sectionHref, sectionStarts, splitByYears, timelineLocation, TIMELINE_PAGE_SIZE,
  yearSpanLabel, yearSpanPath, yearStarts, type YearSpan,
} from '../../src/lib/model/timeline-pages.ts';
import { archiveYears } from '../../src/lib/model/archive-months.ts';
import { coMentions } from '../../src/lib/model/co-mentions.ts';
import { buildDate, onThisDay } from '../../src/lib/model/on-this-day.ts';
import { makePartialDate } from '../../src/lib/core/partial-date.ts';
import { archiveOf, article, event, person, topic } from '../fixtures/timeline-archive.ts';

const at = (iso: string) => ({ date: makePartialDate(...(iso.split('-').map(Number) as [number, number?, number?])), iso });

describe('month sections and pages', () => {
  const items = ['2018', '2018', '2018-01', '2018-01-05', '2018-03-02', '2018-03-09', '2018-03-30'].map(at);

  it('files year-precision items apart, then month by month', () => {
    expect(groupBySection(items).map((g) => [g.section.iso, g.items.length])).toEqual([['2018', 2], ['2018-01', 2], ['2018-03', 3]]);
  });

  it('knows the page each month starts on', () => {
    expect(sectionStarts(items, 3).map((s) => [s.section.iso, s.count, s.page])).toEqual([['2018', 2, 1], ['2018-01', 2, 1], ['2018-03', 3, 2]]);
    expect(sectionHref('/timeline/2018/', sectionStarts(items, 3)[2]!)).toBe('/timeline/2018/2/#2018-03');
    expect(sectionHref('/timeline/2018/', sectionStarts(items, 3)[0]!)).toBe('/timeline/2018/#2018');
  });

  it('gives long entity timelines year pages under the entity', () => {
    expect(entityTimelineYearPath('people', 'ali-akbar-velayati', 2018)).toBe('/people/ali-akbar-velayati/timeline/2018/');
    expect(entityTimelineYearPath('countries', 'IR', 2018)).toBe('/countries/ir/timeline/2018/');
  });

  it('links an event to the page and month where the site-wide timeline shows it', () => {
    const files: Record<string, string> = { 'topics/t.md': topic('T') };
    for (let i = 0; i < TIMELINE_PAGE_SIZE + 5; i += 1) files[`events/e${String(i).padStart(3, '0')}.md`] = event(`E${String(i).padStart(3, '0')}`, `2018-${String(1 + Math.floor(i / 10)).padStart(2, '0')}-01`, 'topics: [t]');
    files['events/year.md'] = event('Year', '2018', 'topics: [t]');
    const { timeline } = archiveOf(files);
    expect(timelineLocation(timeline, 'event:year')).toBe('/timeline/2018/#2018');
    expect(timelineLocation(timeline, 'event:e000')).toBe('/timeline/2018/#2018-01');
    expect(timelineLocation(timeline, 'event:e104')).toBe('/timeline/2018/2/#2018-11');
    expect(timelineLocation(timeline, 'event:nope')).toBeUndefined();
  });
});

describe('long entity timelines in pages of consecutive years', () => {
  /** `count` entries in each given year, in order. */
  const years = (counts: Record<number, number>) => Object.entries(counts)
    .sort(([a], [b]) => Number(a) - Number(b))
    .flatMap(([year, n]) => Array.from({ length: n }, () => ({ date: makePartialDate(Number(year)) })));
  const shape = (spans: YearSpan[]) => spans.map((s) => `${yearSpanLabel(s)}${s.parts > 1 ? ` (${s.part}/${s.parts})` : ''}: ${s.end - s.start}`);

  it('fills each page with as many whole consecutive years as fit', () => {
    // Thirty quiet years make two pages, not thirty.
    const quiet: Record<number, number> = {};
    for (let year = 1990; year < 2020; year += 1) quiet[year] = 5;
    expect(shape(splitByYears(years(quiet), 100))).toEqual(['1990 – 2009: 100', '2010 – 2019: 50']);
    expect(shape(splitByYears(years({ 2001: 60, 2002: 30, 2004: 20, 2005: 90 }), 100))).toEqual(['2001 – 2002: 90', '2004: 20', '2005: 90']);
  });

  it('gives a year larger than a page pages of its own, between pages of whole years', () => {
    expect(shape(splitByYears(years({ 2017: 10, 2018: 230, 2019: 100, 2020: 1 }), 100)))
      .toEqual(['2017: 10', '2018 (1/3): 100', '2018 (2/3): 100', '2018 (3/3): 30', '2019: 100', '2020: 1']);
  });

  it('covers every entry exactly once, in order, never more than a page', () => {
    const entries = years({ 1999: 3, 2000: 250, 2001: 99, 2002: 2, 2003: 40, 2004: 61, 2010: 101 });
    const spans = splitByYears(entries, 100);
    expect(spans[0]!.start).toBe(0);
    for (let i = 1; i < spans.length; i += 1) expect(spans[i]!.start).toBe(spans[i - 1]!.end);
    expect(spans.at(-1)!.end).toBe(entries.length);
    for (const span of spans) {
      expect(span.end - span.start).toBeGreaterThan(0);
      expect(span.end - span.start).toBeLessThanOrEqual(100);
      for (const entry of entries.slice(span.start, span.end)) {
        expect(entry.date.year).toBeGreaterThanOrEqual(span.firstYear);
        expect(entry.date.year).toBeLessThanOrEqual(span.lastYear);
      }
    }
    expect(splitByYears([], 100)).toEqual([]);
  });

  it('publishes each page under its first year and links every year to the page holding it', () => {
    const spans = splitByYears(years({ 2001: 30, 2003: 30, 2018: 150, 2019: 5 }), 100);
    const path = (span: YearSpan) => yearSpanPath('countries', 'IR', span);
    expect(spans.map(path)).toEqual(['/countries/ir/timeline/2001/', '/countries/ir/timeline/2018/', '/countries/ir/timeline/2018/2/', '/countries/ir/timeline/2019/']);
    expect(Object.fromEntries(yearStarts(spans, path))).toMatchObject({
      2001: '/countries/ir/timeline/2001/#2001',
      2003: '/countries/ir/timeline/2001/#2003',
      2018: '/countries/ir/timeline/2018/',
      2019: '/countries/ir/timeline/2019/',
    });
  });
});

describe('archive by year and month', () => {
  const archive = archiveOf({
    'topics/t.md': topic('T'),
    'articles/a.md': article('Late', '2018-12-31T23:00:00Z', 'topics: [t]'),
    'articles/b.md': article('Early', '2018-01-02', 'topics: [t]'),
    'articles/c.md': article('Next year', '2019-03-01', 'topics: [t]'),
    'articles/d.md': article('Also early', '2018-01-02', 'topics: [t]'),
  });

  it('lists years newest first and each year oldest first, with counts per month', () => {
    const years = archiveYears(archive.articles);
    expect(years.map((y) => y.year)).toEqual([2019, 2018]);
    expect(years[1]!.items.map((i) => i.article.title)).toEqual(['Also early', 'Early', 'Late']);
    expect(years[1]!.months).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('on this day', () => {
  const archive = archiveOf({
    'topics/t.md': topic('T'),
    'events/same-day.md': event('Same day, 2018', '2018-07-12', 'topics: [t]'),
    'events/same-day-older.md': event('Same day, 2001', '2001-07-12', 'topics: [t]'),
    'events/month-only.md': event('July 2017, no day', '2017-07', 'topics: [t]'),
    'events/this-year.md': event('This year', '2026-07-12', 'topics: [t]'),
    'events/leap.md': event('Leap day', '2016-02-29', 'topics: [t]'),
    'articles/story.md': article('A story', '2018-07-12T10:00:00Z', 'topics: [t]'),
  });

  it('takes the build date from CHRONICLE_BUILD_DATE, or today in UTC', () => {
    expect(buildDate('2026-07-12').iso).toBe('2026-07-12');
    expect(buildDate(undefined, new Date('2026-03-04T23:30:00Z')).iso).toBe('2026-03-04');
    expect(buildDate('', new Date('2026-03-04T23:30:00Z')).iso).toBe('2026-03-04');
    expect(() => buildDate('2026-07')).toThrow(/CHRONICLE_BUILD_DATE is "2026-07"; expected a day like 2018-07-12/);
    expect(() => buildDate('2026-02-30')).toThrow(/CHRONICLE_BUILD_DATE/);
  });

  it('lists day-precision events and articles of that month and day in earlier years, newest year first', () => {
    const day = onThisDay(archive.timeline, buildDate('2026-07-12'));
    expect(day.date.iso).toBe('2026-07-12');
    expect(day.entries.map((e) => e.title)).toEqual(['A story', 'Same day, 2018', 'Same day, 2001']);
    expect(day.total).toBe(3);
  });

  it('shows at most the limit, and says how many there are', () => {
    const day = onThisDay(archive.timeline, buildDate('2026-07-12'), 2);
    expect(day.entries).toHaveLength(2);
    expect(day.total).toBe(3);
  });

  it('remembers leap days on 28 February of a common year', () => {
    expect(onThisDay(archive.timeline, buildDate('2027-02-28')).entries.map((e) => e.title)).toEqual(['Leap day']);
    expect(onThisDay(archive.timeline, buildDate('2028-02-28')).entries).toEqual([]);
    expect(onThisDay(archive.timeline, buildDate('2028-02-29')).entries.map((e) => e.title)).toEqual(['Leap day']);
  });
});

describe('people often mentioned with a person', () => {
  const archive = archiveOf({
    'topics/t.md': topic('T'),
    'people/a.md': person('A'),
    'people/b.md': person('B'),
    'people/c.md': person('C'),
    'articles/one.md': article('One', '2018-01-01', 'topics: [t]\npeople: [a, b, c]\ncountries: [IR, RU]'),
    'articles/two.md': article('Two', '2018-01-02', 'topics: [t]\npeople: [a, b]\ncountries: [IR]'),
    'articles/three.md': article('Three', '2018-01-03', 'topics: [t]\npeople: [b, c]\ncountries: [US]'),
    'events/meeting.md': event('Meeting', '2018-01-04', 'people: [a, c]'),
  });

  it('counts the people and countries named with them, most often first', () => {
    const { people, countries } = coMentions(archive.timeline, 'a');
    expect(people).toEqual([{ id: 'b', count: 2 }, { id: 'c', count: 2 }]);
    expect(countries).toEqual([{ id: 'ir', count: 2 }, { id: 'ru', count: 1 }]);
  });
});
