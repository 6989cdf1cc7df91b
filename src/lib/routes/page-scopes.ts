import { createHash } from 'node:crypto';
import { NAMED_KINDS, type EntityKind } from '../core/kinds.ts';
import { namedIds, neighbours, type Archive, type ArticleSummary } from '../model/archive.ts';
import { relatedArticles } from '../model/related.ts';
import { articleContext } from '../model/article-context.ts';
import { entityTimeline, type TimelineCollection, type TimelineEntry } from '../model/timeline.ts';
import type { QuoteLedger } from '../model/quote-ledger.ts';

/**
 * What each page shows, as digests, so that a page's incremental-build key
 * (cache-keys.ts) changes when, and only when, something it shows changes.
 *
 * An article is shown at three depths: in a list (related articles, a
 * timeline, an entity's articles, the archive) by its frontmatter alone; in a
 * list of quotations also by its quotations and their speakers' names; on its
 * own page also by its git dates and the names of everything it names. An
 * event in a timeline is its file; on its own page also the names of what it
 * names. A page's scope is the digests of what it shows, so editing one
 * article's frontmatter changes the scopes of its own page, of the pages that
 * list it (the pages of what it names, related articles, neighbours,
 * translations, the timeline around it, its year) and of nothing else; a
 * person's rename, that person's pages, the pages that name them and the
 * people pages that list them among the people mentioned with them.
 *
 * Deliberately wide where the exact set would be fragile: an entity's first
 * page, feed and quotation pages share one scope, everything the entity's
 * articles and timeline involve; a later page of its list, the entity's own
 * facts and the articles on it. e2e/incremental.test.ts checks each kind of
 * edit: a rebuild equals a cold build byte for byte.
 */
export interface PageScopes {
  /**
   * An article's page, its body aside (the page's key adds the file's digest).
   * A body with a `<Timeline>` may show any entry of the archive: `embedsTimeline` widens it to all.
   */
  article(id: string, embedsTimeline?: boolean): string;
  /** Every page of an entity but its timeline pages and the later pages of its list: its first page, feed and quotation pages. */
  entity(kind: EntityKind, id: string): string;
  /**
   * A page of an entity's list of articles: the first shows the entity's timeline and
   * quotations too (`entity`); a later one only the entity's own facts and the articles on it.
   */
  entityPage(kind: EntityKind, id: string, page: ListPage): string;
  /** One page of an entity's timeline (a run of years): what the route gives it, and the entries' sources. */
  timelinePage(props: { entries: readonly TimelineEntry[] }): string;
  /**
   * A page of a list by year (the archive, the site-wide timeline): what the route gives it
   * besides the page (`shown`: the year, its month shortcuts, the years around it), its place
   * in the list, and the articles and timeline entries on it.
   */
  listPage(shown: object, page: ListPage, articles: readonly string[], entries?: readonly TimelineEntry[]): string;
}

/** What a list page shows of its place in the list (Astro's `Page`). */
interface ListPage {
  data: readonly unknown[];
  currentPage: number;
  lastPage: number;
  total: number;
  start: number;
}

const digestOf = (parts: readonly string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);

/** What the scopes are computed from: the route data, and each entity file's digest by kind and id (country ids lower case). */
export interface ScopeInput {
  archive: Archive;
  ledger: QuoteLedger;
  facts: { articles: ReadonlyMap<string, unknown> };
  files: ReadonlyMap<EntityKind, ReadonlyMap<string, string>>;
}

/** The scopes of one build's pages; each is computed on first use and kept. Pure: cache-keys.ts feeds it Astro's entries. */
export function scopesOf({ archive, ledger, facts, files }: ScopeInput): PageScopes {
  // A country is linked (and described in structured data) only while it has a page, so whether it has one counts too.
  const fileOf = (kind: EntityKind, id: string) => {
    const key = kind === 'countries' ? id.toLowerCase() : id;
    return `${kind}:${id}:${files.get(kind)?.get(key) ?? ''}${kind === 'countries' ? `:${archive.countries.has(key)}` : ''}`;
  };
  const quotesOf = articleQuotes(ledger);

  // The names of everything an article or event names, as its own page shows them.
  const named = (data: object) => NAMED_KINDS.flatMap((kind) => namedIds(data, kind).flatMap((id) => [fileOf(kind, id), ...countryOf(kind, id)]));
  // A person's or organization's country appears in the structured data of pages that name them.
  const countryOf = (kind: EntityKind, id: string) => {
    const country = (archive.entities.get(kind)?.get(id)?.data as { country?: unknown } | undefined)?.country;
    return typeof country === 'string' ? [fileOf('countries', country)] : [];
  };
  // What a list (related articles, timelines, an entity's articles, the archive) shows of an article: its frontmatter alone.
  // Kept per article: every list page that shows an article asks again.
  const listedTexts = new Map<string, string>();
  const listed = (id: string): string => {
    let text = listedTexts.get(id);
    if (text === undefined) {
      const article = archive.articleById.get(id);
      text = article ? `${id}:${JSON.stringify(article.data)}` : `${id}:absent`;
      listedTexts.set(id, text);
    }
    return text;
  };
  // What a list of quotations shows of an article: also its quotations and their speakers' names.
  const quoted = (id: string): string => {
    const quotes = quotesOf.get(id) ?? [];
    return [listed(id), JSON.stringify(quotes), ...quotes.map((q) => fileOf('people', q.speaker))].join('\n');
  };
  // What the article's own page shows: also its git dates and the names of what it names.
  const articleDigests = new Map<string, string>();
  const articleDigest = (id: string): string => {
    let digest = articleDigests.get(id);
    if (digest === undefined) {
      const article = archive.articleById.get(id);
      digest = article ? digestOf([quoted(id), JSON.stringify(facts.articles.get(id) ?? null), ...named(article.data)]) : `${id}:absent`;
      articleDigests.set(id, digest);
    }
    return digest;
  };
  const eventDigest = (id: string) => {
    const event = archive.events.get(id);
    return digestOf([fileOf('events', id), ...(event ? named(event.data) : [])]);
  };
  // A timeline entry as shown: the entry itself (title, dates, what it involves, its sources), its event's file, and its sources' titles.
  const entryDigests = (entries: readonly TimelineEntry[]) => entries.flatMap((entry) => [
    JSON.stringify(entry),
    ...(entry.kind === 'event' ? [fileOf('events', entry.id)] : [listed(entry.id)]),
    ...entry.sources.map(listed),
  ]);

  let everything: string | undefined;
  const wholeArchive = () => (everything ??= digestOf([
    ...archive.articles.map((a) => articleDigest(a.id)),
    ...[...archive.events.keys()].map(eventDigest),
    ...[...archive.entities].flatMap(([kind, records]) => [...records.keys()].map((id) => fileOf(kind, id))),
  ]));

  const article = (id: string, embedsTimeline = false) => {
    const summary = archive.articleById.get(id);
    if (!summary) return digestOf([id, 'absent']);
    const { previous, next } = neighbours(archive, id);
    const topic = summary.topics[0];
    const context = topic ? articleContext(archive.timeline, summary, topic) : undefined;
    const shown: (ArticleSummary | undefined)[] = [
      previous, next,
      ...relatedArticles(archive, id, { limit: 5 }),
      ...(archive.translations.get(id) ?? []).map((member) => archive.articleById.get(member.id)),
    ];
    return digestOf([
      ...(embedsTimeline ? [wholeArchive()] : []),
      articleDigest(id),
      ...shown.map((other) => (other ? listed(other.id) : '-')),
      ...(context ? [JSON.stringify([...context.own, context.current]), ...entryDigests(context.entries)] : []),
    ]);
  };

  // Each year's timeline entries as an event page's link to its year depends on them: one scan, on first use.
  let yearOrders: Map<number, string[]> | undefined;
  const eventYear = (id: string): string[] => {
    const year = archive.events.get(id)?.data.date.year;
    yearOrders ??= timelineYears(archive);
    return year === undefined ? [] : yearOrders.get(year) ?? [];
  };
  const digests: Digests = { fileOf, listed, quoted, articleDigest, eventDigest, entryDigests, eventYear };
  const entityScopes = new Map<string, string>();
  const entity = (kind: EntityKind, id: string) => {
    const key = `${kind}:${id}`;
    let scope = entityScopes.get(key);
    if (scope === undefined) {
      scope = digestOf(entityParts(archive, ledger, kind, id, digests));
      entityScopes.set(key, scope);
    }
    return scope;
  };
  const entityPage = (kind: EntityKind, id: string, page: ListPage) => (page.currentPage === 1
    ? entity(kind, id)
    : digestOf([...entityOwn(archive, kind, id, digests), JSON.stringify([page.currentPage, page.lastPage, page.total, page.start]), ...(page.data as string[]).map(listed)]));
  const timelinePage = (props: { entries: readonly TimelineEntry[] }) => digestOf([JSON.stringify(props), ...entryDigests(props.entries)]);
  const listPage = (shown: object, page: ListPage, articles: readonly string[], entries: readonly TimelineEntry[] = []) =>
    digestOf([JSON.stringify(shown), JSON.stringify([page.currentPage, page.lastPage, page.total, page.start]), ...articles.map(listed), ...entryDigests(entries)]);
  return { article, entity, entityPage, timelinePage, listPage };
}

interface Digests {
  fileOf(kind: EntityKind, id: string): string;
  listed(id: string): string;
  quoted(id: string): string;
  articleDigest(id: string): string;
  eventDigest(id: string): string;
  entryDigests(entries: readonly TimelineEntry[]): string[];
  /** What decides an event's place on the site-wide timeline: every entry of its year. */
  eventYear(id: string): string[];
}

/** What an entity's pages show: its file, its articles, its timeline, the quotations by or about it. */
function entityParts(archive: Archive, ledger: QuoteLedger, kind: EntityKind, id: string, digests: Digests): string[] {
  const record = archive.entities.get(kind)?.get(id);
  if (!record) return [kind, id, 'absent'];
  const timeline = kind === 'events' ? [] : entityTimeline(archive.timeline, kind as TimelineCollection, id);
  const quotes = kind === 'people' ? ledger.bySpeaker.get(id) ?? [] : kind === 'topics' ? ledger.byTopic.get(id) ?? [] : [];
  return [
    ...entityOwn(archive, kind, id, digests),
    ...record.articles.map(digests.listed),
    ...digests.entryDigests(timeline),
    // A person's page names who else the entries of their timeline involve.
    ...(kind === 'people' ? timeline.filter((entry) => entry.kind !== 'event').map((entry) => digests.articleDigest(entry.id)) : []),
    ...quotes.map((quote) => digests.quoted(quote.article)),
  ];
}

/** What every page of an entity's list shows of the entity itself: its file, its country, an event's date and place on the timeline. */
function entityOwn(archive: Archive, kind: EntityKind, id: string, digests: Digests): string[] {
  const data = archive.entities.get(kind)?.get(id)?.data as { country?: string } | undefined;
  return [
    digests.fileOf(kind, id),
    // A person's or organization's country is shown by name; a topic's parent and children are in every page's key.
    ...(data?.country ? [digests.fileOf('countries', data.country)] : []),
    ...(kind === 'events' ? [digests.eventDigest(id), ...digests.eventYear(id)] : []),
  ];
}

/**
 * An event page links to its place on the site-wide timeline (the year's
 * page it falls on), which every entry of that year before it decides.
 */
function timelineYears(archive: Archive): Map<number, string[]> {
  const years = new Map<number, string[]>();
  for (const entry of archive.timeline.entries) {
    const order = years.get(entry.date.year) ?? [];
    order.push(JSON.stringify([entry.key, entry.title, entry.date, entry.end]));
    years.set(entry.date.year, order);
  }
  return years;
}

/** The quotations taken from each article's body. */
function articleQuotes(ledger: QuoteLedger): Map<string, QuoteLedger['quotes']> {
  const byArticle = new Map<string, QuoteLedger['quotes'][number][]>();
  for (const quote of ledger.quotes) {
    const list = byArticle.get(quote.article);
    if (list) list.push(quote);
    else byArticle.set(quote.article, [quote]);
  }
  return byArticle;
}
