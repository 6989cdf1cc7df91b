/**
 * The archive model: every index a page needs (an entity's articles, the
 * topic tree, timelines, translations), built in one pass over validated
 * content and read by every page, so that no page scans the archive.
 */
import type { InlineEventData } from '../../schemas/article.ts';
import type { OrganizationData, PersonData } from '../../schemas/entities.ts';
import type { ValidContent } from '../content/validate.ts';
import { ENTITY_KINDS, NAMED_KINDS, type EntityKind } from '../core/kinds.ts';
import { comparePartialDates, type PartialDate } from '../core/partial-date.ts';
import { countryName } from '../core/countries.ts';
import { SITE_LANGUAGE } from '../core/language.ts';
import { namedIds, newestFirst, type ArticleSummary, type CountryRecord, type EntityRecord, type EventRecord, type TopicRecord } from './records.ts';
import { buildTimeline, type TimelineIndex } from './timeline.ts';
import { translationGroups, type TranslationMember } from './translations.ts';

export * from './records.ts';

/** The archive model: computed once per build, read by every page. */
export interface Archive {
  /** Every published article, newest first. */
  articles: ArticleSummary[];
  articleById: Map<string, ArticleSummary>;
  /** Every entity kind's records by id (the typed maps below are the same maps). */
  entities: Map<EntityKind, Map<string, EntityRecord<unknown>>>;
  topics: Map<string, TopicRecord>;
  /** Top-level topics in navigation order. */
  topicRoots: string[];
  people: Map<string, EntityRecord<PersonData>>;
  organizations: Map<string, EntityRecord<OrganizationData>>;
  countries: Map<string, CountryRecord>;
  events: Map<string, EventRecord>;
  /** Position of each article in its first topic's list, for previous/next links. */
  positionInFirstTopic: Map<string, number>;
  /** Every timeline (site-wide, per year, per entity), assembled once. */
  timeline: TimelineIndex;
  /** Each translated article's group (itself, its original and its translations), original first. */
  translations: Map<string, TranslationMember[]>;
}

function summarize(entry: ValidContent['articles'][number]): ArticleSummary {
  const { data } = entry;
  return {
    id: entry.id,
    file: entry.file,
    title: data.title,
    description: data.description,
    pubDate: data.pubDate,
    ...(data.updatedDate ? { updatedDate: data.updatedDate } : {}),
    ...(data.dateline ? { dateline: data.dateline } : {}),
    ...(data.source ? { source: data.source } : {}),
    lang: data.lang ?? SITE_LANGUAGE,
    topics: data.topics,
    people: data.people ?? [],
    organizations: data.organizations ?? [],
    countries: data.countries ?? [],
    events: (data.events ?? []).filter((e): e is string => typeof e === 'string'),
    inlineEvents: (data.events ?? []).filter((e): e is InlineEventData => typeof e !== 'string'),
    data,
  };
}

function records(entries: readonly { id: string; file: string; data: unknown; body: string }[]): Map<string, EntityRecord<unknown>> {
  return new Map(entries.map((e) => [e.id, { id: e.id, file: e.file, data: e.data, body: e.body, articles: [] }]));
}

/**
 * Country records exist for every code an article or event names and every
 * country file: exactly the countries with a page. A person's or
 * organization's `country` alone makes no page (there would be nothing on it).
 */
function countryRecords(content: ValidContent) {
  const countries = new Map<string, CountryRecord>();
  const files = new Map(content.countries.map((c) => [c.id.toLowerCase(), c]));
  const country = (code: string): CountryRecord => {
    const key = code.toLowerCase();
    let record = countries.get(key);
    if (!record) {
      const file = files.get(key);
      record = { id: key, code: key, name: countryName(key.toUpperCase()), data: file?.data ?? {}, body: file?.body ?? '', articles: [], ...(file ? { file: file.file } : {}) };
      countries.set(key, record);
    }
    return record;
  };
  for (const code of files.keys()) country(code);
  return { countries, country };
}

const byOrderThenTitle = (topics: Map<string, TopicRecord>) => (a: string, b: string) => {
  const ta = topics.get(a)!.data;
  const tb = topics.get(b)!.data;
  return (ta.order ?? Infinity) - (tb.order ?? Infinity) || ta.title.localeCompare(tb.title);
};

/** Links each topic to its children and returns the roots, both in navigation order. */
function topicTree(topics: Map<string, TopicRecord>): string[] {
  for (const topic of topics.values()) topic.children = [];
  for (const topic of topics.values()) {
    if (topic.data.parent) topics.get(topic.data.parent)?.children.push(topic.id);
  }
  const order = byOrderThenTitle(topics);
  for (const topic of topics.values()) topic.children.sort(order);
  return [...topics.values()].filter((t) => !t.data.parent).map((t) => t.id).sort(order);
}

/**
 * Builds the archive model from validated content. Drafts are left out unless
 * `includeDrafts` (the dev server). Every index is a Map built in one pass, so
 * a page looks its data up instead of scanning every article.
 */
export function buildArchive(content: ValidContent, options: { includeDrafts?: boolean } = {}): Archive {
  const published = content.articles.filter((a) => options.includeDrafts || !a.data.draft);
  const articles = published.map(summarize).sort(newestFirst);
  const { countries, country } = countryRecords(content);
  const entities = new Map<EntityKind, Map<string, EntityRecord<unknown>>>(
    ENTITY_KINDS.map((kind) => [kind, kind === 'countries' ? countries : records(content[kind])]),
  );
  const topics = entities.get('topics') as Map<string, TopicRecord>;
  const named = NAMED_KINDS.map((kind) => [kind, entities.get(kind)!] as const);
  for (const article of articles) {
    for (const [kind, byId] of named) {
      for (const id of namedIds(article.data, kind)) (kind === 'countries' ? country(id) : byId.get(id))?.articles.push(article.id);
    }
  }
  for (const event of content.events) for (const code of event.data.countries ?? []) country(code);
  const topicRoots = topicTree(topics);

  const articleTopic = new Map(articles.map((a) => [a.id, a.topics[0]]));
  const positionInFirstTopic = new Map<string, number>();
  for (const topic of topics.values()) {
    topic.articles.forEach((id, index) => {
      if (articleTopic.get(id) === topic.id) positionInFirstTopic.set(id, index);
    });
  }

  const events = entities.get('events') as Map<string, EventRecord>;
  return {
    positionInFirstTopic,
    articles,
    articleById: new Map(articles.map((a) => [a.id, a])),
    entities,
    topics, topicRoots, countries, events,
    people: entities.get('people') as Map<string, EntityRecord<PersonData>>,
    organizations: entities.get('organizations') as Map<string, EntityRecord<OrganizationData>>,
    timeline: buildTimeline(articles, events.values()),
    translations: translationGroups(articles.map((a) => ({ id: a.id, lang: a.lang, translationOf: a.data.translationOf }))),
  };
}

/** The articles before and after this one within its first topic, by date. */
export function neighbours(archive: Archive, articleId: string): { previous?: ArticleSummary; next?: ArticleSummary } {
  const article = archive.articleById.get(articleId);
  const topic = article && archive.topics.get(article.topics[0] ?? '');
  if (!article || !topic) return {};
  const list = topic.articles; // newest first
  const index = archive.positionInFirstTopic.get(articleId) ?? -1;
  const older = list[index + 1];
  const newer = list[index - 1];
  return {
    ...(older ? { previous: archive.articleById.get(older)! } : {}),
    ...(newer ? { next: archive.articleById.get(newer)! } : {}),
  };
}

export function sortEventsByDate<E extends { date: PartialDate; title: string }>(events: E[]): E[] {
  return [...events].sort((a, b) => comparePartialDates(a.date, b.date) || a.title.localeCompare(b.title));
}
