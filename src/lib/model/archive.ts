import type { ArticleData, InlineEventData } from '../../schemas/article.ts';
import type { EventData } from '../../schemas/event.ts';
import type { CountryData, OrganizationData, PersonData, TopicData } from '../../schemas/entities.ts';
import type { ValidContent } from '../content/validate.ts';
import { comparePartialDates, type PartialDate } from '../core/partial-date.ts';
import { countryName } from '../core/countries.ts';
import { SITE_LANGUAGE } from '../core/language.ts';
import { buildTimeline, type TimelineIndex } from './timeline.ts';
import { translationGroups, type TranslationMember } from './translations.ts';

/** What a list, a feed or a search result needs of an article; never its body. */
export interface ArticleSummary {
  id: string;
  file: string;
  title: string;
  description: string;
  pubDate: Date;
  updatedDate?: Date;
  dateline?: string;
  source?: ArticleData['source'];
  lang: string;
  topics: string[];
  people: string[];
  organizations: string[];
  countries: string[];
  /** Canonical event ids. */
  events: string[];
  inlineEvents: InlineEventData[];
  data: ArticleData;
}

export interface EntityRecord<T> {
  id: string;
  file?: string;
  data: T;
  body: string;
  /** Articles that name this entity, newest first. */
  articles: string[];
}

export interface TopicRecord extends EntityRecord<TopicData> {
  children: string[];
}

export interface CountryRecord extends EntityRecord<CountryData> {
  /** Lower-case ISO code, as in URLs. */
  code: string;
  name: string;
}

export interface EventRecord extends EntityRecord<EventData> {}

/** The archive model: computed once per build, read by every page. */
export interface Archive {
  /** Every published article, newest first. */
  articles: ArticleSummary[];
  articleById: Map<string, ArticleSummary>;
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

export const newestFirst = (a: ArticleSummary, b: ArticleSummary) =>
  b.pubDate.getTime() - a.pubDate.getTime() || a.id.localeCompare(b.id);

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

function records<T>(entries: { id: string; file: string; data: T; body: string }[]): Map<string, EntityRecord<T>> {
  return new Map(entries.map((e) => [e.id, { id: e.id, file: e.file, data: e.data, body: e.body, articles: [] }]));
}

const byOrderThenTitle = (topics: Map<string, TopicRecord>) => (a: string, b: string) => {
  const ta = topics.get(a)!.data;
  const tb = topics.get(b)!.data;
  return (ta.order ?? Infinity) - (tb.order ?? Infinity) || ta.title.localeCompare(tb.title);
};

/**
 * Builds the archive model from validated content. Drafts are left out unless
 * `includeDrafts` (the dev server). Every index is a Map built in one pass, so
 * a page looks its data up instead of scanning every article.
 */
export function buildArchive(content: ValidContent, options: { includeDrafts?: boolean } = {}): Archive {
  const published = content.articles.filter((a) => options.includeDrafts || !a.data.draft);
  const articles = published.map(summarize).sort(newestFirst);
  const topics = new Map<string, TopicRecord>(
    content.topics.map((t) => [t.id, { id: t.id, file: t.file, data: t.data, body: t.body, articles: [], children: [] }]),
  );
  const people = records(content.people);
  const organizations = records(content.organizations);
  const events: Map<string, EventRecord> = records(content.events);
  const countries = new Map<string, CountryRecord>();
  const countryFiles = new Map(content.countries.map((c) => [c.id.toLowerCase(), c]));
  const country = (code: string): CountryRecord => {
    const key = code.toLowerCase();
    let record = countries.get(key);
    if (!record) {
      const file = countryFiles.get(key);
      record = { id: key, code: key, name: countryName(key.toUpperCase()), data: file?.data ?? {}, body: file?.body ?? '', articles: [], ...(file ? { file: file.file } : {}) };
      countries.set(key, record);
    }
    return record;
  };
  for (const code of countryFiles.keys()) country(code);

  const articleTopic = new Map(articles.map((a) => [a.id, a.topics[0]]));
  for (const article of articles) {
    for (const id of article.topics) topics.get(id)?.articles.push(article.id);
    for (const id of article.people) people.get(id)?.articles.push(article.id);
    for (const id of article.organizations) organizations.get(id)?.articles.push(article.id);
    for (const code of article.countries) country(code).articles.push(article.id);
    for (const id of article.events) events.get(id)?.articles.push(article.id);
  }
  for (const event of content.events) for (const code of event.data.countries ?? []) country(code);
  for (const person of content.people) if (person.data.country) country(person.data.country);

  for (const topic of topics.values()) {
    if (topic.data.parent) topics.get(topic.data.parent)?.children.push(topic.id);
  }
  const order = byOrderThenTitle(topics);
  for (const topic of topics.values()) topic.children.sort(order);
  const topicRoots = [...topics.values()].filter((t) => !t.data.parent).map((t) => t.id).sort(order);

  const positionInFirstTopic = new Map<string, number>();
  for (const topic of topics.values()) {
    topic.articles.forEach((id, index) => {
      if (articleTopic.get(id) === topic.id) positionInFirstTopic.set(id, index);
    });
  }

  return {
    positionInFirstTopic,
    articles,
    articleById: new Map(articles.map((a) => [a.id, a])),
    topics, topicRoots, people, organizations, countries, events,
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
