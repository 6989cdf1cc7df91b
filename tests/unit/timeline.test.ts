import { describe, expect, it } from 'vitest';
import {
  assembleEntries, compareEntries, entityTimeline, entryPath, inRange, intersectTimelines, type TimelineEntry,
} from '../../src/lib/model/timeline.ts';
import { articleContext } from '../../src/lib/model/article-context.ts';
import { comparePartialDates, endOfSpan, formatPartialDate, formatSpan, makePartialDate, parsePartialDate, type PartialDate } from '../../src/lib/core/partial-date.ts';
import { archiveOf, article, event, person, topic } from '../fixtures/timeline-archive.ts';

const pd = (value: string): PartialDate => {
  const parsed = parsePartialDate(value);
  if (!parsed.ok) throw new Error(value);
  return parsed.value;
};
const titles = (entries: readonly TimelineEntry[]) => entries.map((e) => e.title);
const keys = (entries: readonly TimelineEntry[]) => entries.map((e) => e.key);
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('timeline order', () => {
  const archive = archiveOf({
    'topics/nuclear.md': topic('Nuclear'),
    'events/day.md': event('A day', '2015-03-04', 'topics: [nuclear]'),
    'events/year.md': event('A year', '2015', 'topics: [nuclear]'),
    'events/month.md': event('A month', '2015-03', 'topics: [nuclear]'),
    'events/april.md': event('April', '2015-04', 'topics: [nuclear]'),
    'events/earlier-year.md': event('Zeta', '2014', 'topics: [nuclear]'),
  });

  it('puts a less precise date before the more precise dates inside its span', () => {
    expect(titles(archive.timeline.entries)).toEqual(['Zeta', 'A year', 'A month', 'A day', 'April']);
    expect(archive.timeline.entries.map((e) => e.date.iso)).toEqual(['2014', '2015', '2015-03', '2015-03-04', '2015-04']);
  });

  it('orders entries on the same date by title, then by key, whatever order the files came in', () => {
    const build = (order: string[]) => {
      const files: Record<string, string> = { 'topics/t.md': topic('T') };
      for (const name of order) files[`events/${name}.md`] = event(name === 'b-twin' ? 'Same title' : name === 'a-twin' ? 'Same title' : 'Alpha', '2018-05-08');
      files['articles/2018/story.md'] = article('Same title', '2018-05-08', 'topics: [t]');
      return archiveOf(files);
    };
    const one = keys(build(['a-twin', 'b-twin', 'alpha']).timeline.entries);
    const two = keys(build(['alpha', 'b-twin', 'a-twin']).timeline.entries);
    expect(one).toEqual(['event:alpha', 'article:2018/story', 'event:a-twin', 'event:b-twin']);
    expect(two).toEqual(one);
  });

  it('is a total order: comparing two different entries never ties', () => {
    const entries = archive.timeline.entries;
    for (const a of entries) for (const b of entries) if (a !== b) expect(compareEntries(a, b)).not.toBe(0);
  });
});

describe('assembling entries', () => {
  const archive = archiveOf({
    'topics/nuclear.md': topic('Nuclear'),
    'topics/russia.md': topic('Russia'),
    'people/envoy.md': person('The Envoy', 'IR'),
    'people/other.md': person('Someone Else'),
    'events/deal.md': event('Deal concluded', '2015', 'topics: [nuclear]\ncountries: [IR, US]'),
    'events/meeting.md': event('Envoy meets president', '2018-07-12', 'topics: [russia]\npeople: [envoy]'),
    'events/unreported.md': event('Nobody wrote about this', '2016-02', 'topics: [russia]'),
    'articles/2018/07/envoy.md': article('Envoy speaks', '2018-07-12T09:30:00+04:30', [
      'topics: [russia, nuclear]', 'people: [envoy]', 'countries: [IR, RU]',
      'events:', '  - deal', '  - meeting', '  - { date: 2018-07-11, title: Envoy lands in Moscow }',
    ].join('\n')),
    'articles/2019/follow-up.md': article('Follow-up', '2019-01-02', 'topics: [nuclear]\nevents: [deal]'),
    'articles/2019/draft.md': article('Unpublished', '2019-01-03', 'topics: [nuclear]\nevents: [deal]\ndraft: true'),
  });
  const { timeline } = archive;
  const byKey = (key: string) => timeline.byKey.get(key)!;

  it('makes entries of canonical events, inline events and articles', () => {
    expect(timeline.entries.map((e) => `${e.kind} ${e.date.iso} ${e.title}`)).toEqual([
      'event 2015 Deal concluded',
      'event 2016-02 Nobody wrote about this',
      'inline 2018-07-11 Envoy lands in Moscow',
      'event 2018-07-12 Envoy meets president',
      // 09:30 in Tehran is 05:00 UTC, still the 12th.
      'article 2018-07-12 Envoy speaks',
      'article 2019-01-02 Follow-up',
    ]);
  });

  it('keeps each date at the precision the author wrote', () => {
    expect(byKey('event:deal').date).toEqual(makePartialDate(2015));
    expect(formatPartialDate(byKey('event:deal').date)).toBe('2015');
    expect(formatPartialDate(byKey('event:unreported').date)).toBe('February 2016');
    expect(formatPartialDate(byKey('event:meeting').date)).toBe('12 July 2018');
    expect(plain(formatSpan(pd('2015'), pd('2016')))).toBe('2015 – 2016');
  });

  it('links every entry to its sources: the published articles that cover it, newest first', () => {
    expect(byKey('event:deal').sources).toEqual(['2019/follow-up', '2018/07/envoy']);
    expect(byKey('event:unreported').sources).toEqual([]);
    expect(byKey('inline:2018/07/envoy:0').sources).toEqual(['2018/07/envoy']);
    expect(byKey('article:2018/07/envoy').sources).toEqual([]);
    expect(timeline.byKey.has('article:2019/draft')).toBe(false);
  });

  it('links events to their page, and inline events and articles to the article', () => {
    expect(entryPath(byKey('event:deal'))).toBe('/events/deal/');
    expect(entryPath(byKey('inline:2018/07/envoy:0'))).toBe('/articles/2018/07/envoy/');
    expect(entryPath(byKey('article:2019/follow-up'))).toBe('/articles/2019/follow-up/');
  });

  it('puts an event on the timelines it names and on those of the articles covering it', () => {
    // The meeting names only the Russia topic, but an article about the nuclear deal covers it.
    expect(titles(entityTimeline(timeline, 'topics', 'nuclear'))).toEqual([
      'Deal concluded', 'Envoy lands in Moscow', 'Envoy meets president', 'Envoy speaks', 'Follow-up',
    ]);
    expect(titles(entityTimeline(timeline, 'topics', 'russia'))).toEqual([
      'Deal concluded', 'Nobody wrote about this', 'Envoy lands in Moscow', 'Envoy meets president', 'Envoy speaks',
    ]);
    expect(titles(entityTimeline(timeline, 'people', 'envoy'))).toContain('Envoy meets president');
    expect(titles(entityTimeline(timeline, 'countries', 'US'))).toEqual(['Deal concluded']);
    expect(titles(entityTimeline(timeline, 'countries', 'ru'))).toEqual(['Deal concluded', 'Envoy lands in Moscow', 'Envoy meets president', 'Envoy speaks']);
    expect(entityTimeline(timeline, 'people', 'other')).toEqual([]);
  });

  it('indexes years with counts of events and articles', () => {
    expect(timeline.years).toEqual([
      { year: 2015, events: 1, articles: 0 },
      { year: 2016, events: 1, articles: 0 },
      { year: 2018, events: 2, articles: 1 },
      { year: 2019, events: 0, articles: 1 },
    ]);
    expect(titles(timeline.byYear.get(2018)!)).toEqual(['Envoy lands in Moscow', 'Envoy meets president', 'Envoy speaks']);
  });

  it('intersects timelines for a component naming several entities', () => {
    expect(titles(intersectTimelines(timeline, [{ collection: 'topics', id: 'russia' }, { collection: 'countries', id: 'us' }]))).toEqual(['Deal concluded']);
    expect(intersectTimelines(timeline, [])).toEqual([]);
  });

  it('assembles the same entries whatever order events are given in', () => {
    const events = [...archive.events.values()];
    expect(keys(assembleEntries(archive.articles, [...events].reverse()))).toEqual(keys(assembleEntries(archive.articles, events)));
  });
});

describe('ranges for <Timeline from to>', () => {
  const archive = archiveOf({
    'topics/t.md': topic('T'),
    'events/a.md': event('2014 span into 2015', '2014-06', 'topics: [t]\nend: 2015-02'),
    'events/b.md': event('Year 2015', '2015', 'topics: [t]'),
    'events/c.md': event('Dec 2018', '2018-12-31', 'topics: [t]'),
    'events/d.md': event('Year 2018', '2018', 'topics: [t]'),
    'events/e.md': event('2019', '2019-01', 'topics: [t]'),
    'events/f.md': event('2013', '2013', 'topics: [t]'),
  });
  const all = entityTimeline(archive.timeline, 'topics', 't');

  it('keeps dates inside the range and spans that overlap it', () => {
    expect(titles(inRange(all, pd('2015'), pd('2018')))).toEqual(['2014 span into 2015', 'Year 2015', 'Year 2018', 'Dec 2018']);
    expect(titles(inRange(all, undefined, pd('2014')))).toEqual(['2013', '2014 span into 2015']);
    expect(titles(inRange(all, pd('2015-02'), pd('2015-02')))).toEqual(['2014 span into 2015']);
  });

  it('leaves out a year-precision date from a range inside that year: it may be any day of it', () => {
    expect(titles(inRange(all, pd('2018-12'), undefined))).toEqual(['Dec 2018', '2019']);
    expect(titles(inRange(all, pd('2018'), pd('2018')))).toEqual(['Year 2018', 'Dec 2018']);
    expect(inRange(all)).toHaveLength(all.length);
  });

  it('finds in a long timeline exactly what checking every entry finds', () => {
    // A small deterministic generator: dates of every precision from 2000 to 2009, one in five a span.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const randomDate = (): PartialDate => {
      const precision = next(3);
      const year = 2000 + next(10);
      return precision === 0 ? makePartialDate(year) : precision === 1 ? makePartialDate(year, 1 + next(12)) : makePartialDate(year, 1 + next(12), 1 + next(28));
    };
    const entries = Array.from({ length: 2000 }, (_, i) => {
      const date = randomDate();
      const end = next(5) === 0 ? makePartialDate(date.year + next(3), 12, 31) : undefined;
      return { key: String(i), date, ...(end ? { end } : {}) } as unknown as TimelineEntry;
    }).sort((a, b) => comparePartialDates(a.date, b.date));
    const first = (d: PartialDate) => makePartialDate(d.year, d.month ?? 1, d.day ?? 1);
    const everyEntry = (from?: PartialDate, to?: PartialDate) => entries.filter((entry) => {
      const start = first(entry.date);
      const finish = endOfSpan(entry.end ?? entry.date);
      if (entry.end) return (!from || comparePartialDates(finish, first(from)) >= 0) && (!to || comparePartialDates(start, endOfSpan(to)) <= 0);
      return (!from || comparePartialDates(start, first(from)) >= 0) && (!to || comparePartialDates(finish, endOfSpan(to)) <= 0);
    });
    for (let i = 0; i < 300; i += 1) {
      const [from, to] = [next(4) === 0 ? undefined : randomDate(), next(4) === 0 ? undefined : randomDate()];
      expect(inRange(entries, from, to).map((e) => e.key), `${from?.iso} to ${to?.iso}`).toEqual(everyEntry(from, to).map((e) => e.key));
    }
  });
});

describe("an article's Timeline section", () => {
  const files: Record<string, string> = { 'topics/t.md': topic('T'), 'topics/other.md': topic('Other') };
  // Event 01 in 2001 … Event 40 in 2040, one a year.
  for (let i = 1; i <= 40; i += 1) files[`events/e${String(i).padStart(2, '0')}.md`] = event(`Event ${String(i).padStart(2, '0')}`, `${2000 + i}-01-15`, 'topics: [t]');
  files['events/elsewhere.md'] = event('Elsewhere', '2030-05', 'topics: [other]');
  files['articles/with-events.md'] = article('With events', '2025-06-01', 'topics: [t]\nevents: [e20, elsewhere]');
  files['articles/plain.md'] = article('Plain', '2010-06-01', 'topics: [t]');
  files['articles/inline.md'] = article('Inline only', '2021-03-01', 'topics: [other]\nevents:\n  - { date: 2021-02, title: Written inline }');
  const archive = archiveOf(files);

  it('places its events among a few nearest events of its first topic, its own date marked', () => {
    const context = articleContext(archive.timeline, archive.articleById.get('with-events')!, 't')!;
    // "Elsewhere" names another topic, but this article covers it, so it is on T's timeline too.
    expect(titles(context.entries)).toEqual([
      'Event 18', 'Event 19', 'Event 20', 'Event 21', 'Event 22', 'With events', 'Event 29', 'Event 30', 'Elsewhere', 'Event 31', 'Event 32',
    ]);
    expect([...context.own]).toEqual(['event:e20', 'event:elsewhere']);
    expect(context.current).toBe('article:with-events');
  });

  it('uses the publication date when the article names no events', () => {
    const context = articleContext(archive.timeline, archive.articleById.get('plain')!, 't')!;
    expect(titles(context.entries)).toEqual(['Event 09', 'Event 10', 'Plain', 'Event 11', 'Event 12']);
  });

  it('includes inline events, and stays the same size however large the topic grows', () => {
    const context = articleContext(archive.timeline, archive.articleById.get('inline')!, 'other')!;
    expect(titles(context.entries)).toEqual(['Written inline', 'Inline only', 'Elsewhere']);
    // At most two neighbours each side of each own event, plus the article: 40 topic events, 11 shown.
    expect(articleContext(archive.timeline, archive.articleById.get('with-events')!, 't')!.entries).toHaveLength(2 * 5 + 1);
  });
});
