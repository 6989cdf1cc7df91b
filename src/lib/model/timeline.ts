/**
 * Timelines: every canonical event, every inline event and every article as
 * one chronology, with indexes by year and by entity so that a page looks its
 * entries up instead of scanning the archive.
 *
 * Membership rule (documented for authors): an entity's timeline holds every
 * entry that names it, and every event covered by an article that names it.
 * So an event referenced by an article about the JCPOA is part of the JCPOA's
 * story even when the event file itself only names another topic.
 */
import { namedIds, type ArticleSummary, type EventRecord } from './records.ts';
import { KINDS, TIMELINE_KINDS, type TimelineKind } from '../core/kinds.ts';
import { comparePartialDates, endOfSpan, makePartialDate, partialDateOf, type PartialDate } from '../core/partial-date.ts';
import { articlePath, entityPath } from '../core/urls.ts';
import { firstIndexWhere } from '../core/sorted.ts';

export type TimelineCollection = TimelineKind;
export const TIMELINE_COLLECTIONS = TIMELINE_KINDS;

export type EntryKind = 'event' | 'inline' | 'article';

/** Who and what an entry names itself. Country codes are lower case, as in URLs. */
export type Involvement = Record<TimelineCollection, string[]>;

export interface TimelineEntry {
  /** Unique and stable: `event:<id>`, `article:<id>` or `inline:<article id>:<n>`. */
  key: string;
  kind: EntryKind;
  date: PartialDate;
  end?: PartialDate;
  title: string;
  /** The event's id, the article's id, or (inline) the id of the article it is written in. */
  id: string;
  involves: Involvement;
  /** Ids of the articles that cover the entry, newest first. An article entry has none. */
  sources: string[];
  /** Language of an article entry's title. */
  lang?: string;
}

/** Counts for one year of a timeline. */
export interface YearCount {
  year: number;
  /** Canonical and inline events. */
  events: number;
  articles: number;
}

export interface TimelineIndex {
  /** Every entry, in timeline order. */
  entries: TimelineEntry[];
  /** Entries per year (by start date), in order. */
  byYear: Map<number, TimelineEntry[]>;
  /** Years that have entries, ascending. */
  years: YearCount[];
  /** Each entity's timeline, keyed by `entityKey()`. */
  byEntity: Map<string, TimelineEntry[]>;
  /** Day-precision entries by `MM-DD`, in order, for "On this day". */
  byDayOfYear: Map<string, TimelineEntry[]>;
  /** Every entry by its key. */
  byKey: Map<string, TimelineEntry>;
  /** Each entry's position in its year's list, to link to the right page of that year. */
  yearPosition: Map<string, number>;
}

export function entityKey(collection: TimelineCollection, id: string): string {
  return `${collection}/${KINDS[collection].ids === 'country' ? id.toLowerCase() : id}`;
}

const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: true });

/**
 * Timeline order: by date, a less precise date before the more precise dates
 * inside its span (2015 < 2015-03 < 2015-03-04); then by title; then by key,
 * so the order never depends on the order files were read in.
 */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return comparePartialDates(a.date, b.date) || collator.compare(a.title, b.title) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Where an entry links: its event page, or the article (inline events have no page of their own). */
export function entryPath(entry: TimelineEntry): string {
  return entry.kind === 'event' ? entityPath('events', entry.id) : articlePath(entry.id);
}

/** True for canonical and inline events, false for articles. */
export const isEvent = (entry: TimelineEntry) => entry.kind !== 'article';

/** The entities of each timeline kind that an article, event or inline event names (its `topics`, `people`…). */
function involvement(data: object): Involvement {
  return Object.fromEntries(TIMELINE_COLLECTIONS.map((kind) => [kind, namedIds(data, kind)])) as Involvement;
}

/** Assembles entries from canonical events, inline events and articles, in timeline order. */
export function assembleEntries(articles: readonly ArticleSummary[], events: Iterable<EventRecord>): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    entries.push({
      key: `event:${event.id}`, kind: 'event', id: event.id, title: event.data.title,
      date: event.data.date, ...(event.data.end ? { end: event.data.end } : {}),
      involves: involvement(event.data), sources: [...event.articles],
    });
  }
  for (const article of articles) {
    entries.push({
      key: `article:${article.id}`, kind: 'article', id: article.id, title: article.title,
      date: partialDateOf(article.pubDate), involves: involvement(article.data), sources: [], lang: article.lang,
    });
    article.inlineEvents.forEach((inline, n) => {
      entries.push({
        key: `inline:${article.id}:${n}`, kind: 'inline', id: article.id, title: inline.title,
        date: inline.date, ...(inline.end ? { end: inline.end } : {}),
        involves: involvement(inline), sources: [article.id],
      });
    });
  }
  return entries.sort(compareEntries);
}

/** Every entity key an entry belongs to: those it names, and those of the articles covering it. */
function memberships(entry: TimelineEntry, articleById: ReadonlyMap<string, ArticleSummary>): Set<string> {
  const keys = new Set<string>();
  const add = (named: Involvement) => {
    for (const collection of TIMELINE_COLLECTIONS) for (const id of named[collection]) keys.add(entityKey(collection, id));
  };
  add(entry.involves);
  for (const id of entry.sources) {
    const article = articleById.get(id);
    if (article) add(involvement(article.data));
  }
  return keys;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Counts events and articles per year of an ordered entry list. */
export function countByYear(entries: readonly TimelineEntry[]): YearCount[] {
  const years = new Map<number, YearCount>();
  for (const entry of entries) {
    const year = entry.date.year;
    let count = years.get(year);
    if (!count) years.set(year, (count = { year, events: 0, articles: 0 }));
    if (isEvent(entry)) count.events += 1;
    else count.articles += 1;
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Splits an ordered entry list by year, keeping the order. */
export function groupByYear(entries: readonly TimelineEntry[]): { year: number; entries: TimelineEntry[] }[] {
  const groups: { year: number; entries: TimelineEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.year === entry.date.year) last.entries.push(entry);
    else groups.push({ year: entry.date.year, entries: [entry] });
  }
  return groups;
}

const monthDay = (d: PartialDate) => `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Builds every timeline index in one pass over the entries. */
export function buildTimeline(articles: readonly ArticleSummary[], events: Iterable<EventRecord>): TimelineIndex {
  const entries = assembleEntries(articles, events);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const byYear = new Map<number, TimelineEntry[]>();
  const byEntity = new Map<string, TimelineEntry[]>();
  const byDayOfYear = new Map<string, TimelineEntry[]>();
  const byKey = new Map<string, TimelineEntry>();
  const yearPosition = new Map<string, number>();
  for (const entry of entries) {
    yearPosition.set(entry.key, byYear.get(entry.date.year)?.length ?? 0);
    push(byYear, entry.date.year, entry);
    for (const key of memberships(entry, articleById)) push(byEntity, key, entry);
    if (entry.date.precision === 'day') push(byDayOfYear, monthDay(entry.date), entry);
    byKey.set(entry.key, entry);
  }
  return { entries, byYear, years: countByYear(entries), byEntity, byDayOfYear, byKey, yearPosition };
}

/** An entity's timeline, empty when nothing names it. */
export function entityTimeline(index: TimelineIndex, collection: TimelineCollection, id: string): TimelineEntry[] {
  return index.byEntity.get(entityKey(collection, id)) ?? [];
}

/** Entries named by every given entity (the intersection), in order. One entity's is its timeline itself, not a copy. */
export function intersectTimelines(index: TimelineIndex, refs: readonly { collection: TimelineCollection; id: string }[]): readonly TimelineEntry[] {
  const lists = refs.map((ref) => entityTimeline(index, ref.collection, ref.id)).sort((a, b) => a.length - b.length);
  const [shortest, ...rest] = lists;
  if (!shortest) return [];
  if (rest.length === 0) return shortest;
  const others = rest.map((list) => new Set(list));
  return shortest.filter((entry) => others.every((set) => set.has(entry)));
}

/**
 * Entries in the range from the start of `from` to the end of `to` (either
 * may be missing). A single date must lie inside it: "2019" is not inside
 * March–April 2019, since it may be any day of the year. A span (with an
 * `end`) is kept when any part of it is in range.
 *
 * `entries` are in timeline order, so their first days never decrease: two
 * binary searches find the entries starting inside the range, and before
 * those only spans are looked at. An embedded `<Timeline>` on a topic with
 * tens of thousands of entries costs the size of its range, not of the topic.
 */
export function inRange(entries: readonly TimelineEntry[], from?: PartialDate, to?: PartialDate): TimelineEntry[] {
  const first = from && startOfSpan(from);
  const last = to && endOfSpan(to);
  const startsAfter = (limit: PartialDate, orAt: boolean) => (entry: TimelineEntry) => {
    const order = comparePartialDates(startOfSpan(entry.date), limit);
    return order > 0 || (orAt && order === 0);
  };
  const end = last ? firstIndexWhere(entries, startsAfter(last, false)) : entries.length;
  const begin = Math.min(end, first ? firstIndexWhere(entries, startsAfter(first, true)) : 0);
  const kept: TimelineEntry[] = [];
  // Starting before the range, only a span can still reach into it.
  for (let i = 0; i < begin; i += 1) {
    const entry = entries[i]!;
    if (entry.end && comparePartialDates(endOfSpan(entry.end), first!) >= 0) kept.push(entry);
  }
  for (let i = begin; i < end; i += 1) {
    const entry = entries[i]!;
    if (!last || comparePartialDates(endOfSpan(entry.end ?? entry.date), last) <= 0 || entry.end) kept.push(entry);
  }
  return kept;
}

/** The first day a partial date covers. */
function startOfSpan(d: PartialDate): PartialDate {
  return makePartialDate(d.year, d.month ?? 1, d.day ?? 1);
}
