/**
 * The records the archive model is made of: an article's summary (never its
 * body) and an entity's record with the articles that name it. Kept apart
 * from the model's assembly so the timeline and every other part of the
 * model can share them without importing each other.
 */
import type { ArticleData, InlineEventData } from '../../schemas/article.ts';
import type { EventData } from '../../schemas/event.ts';
import type { CountryData, TopicData } from '../../schemas/entities.ts';
import { KINDS, type EntityKind } from '../core/kinds.ts';

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

export const newestFirst = (a: ArticleSummary, b: ArticleSummary) =>
  b.pubDate.getTime() - a.pubDate.getTime() || a.id.localeCompare(b.id);

/** The ids of one kind that an article's or event's frontmatter names; country codes lower case, as in URLs. */
export function namedIds(data: object, kind: EntityKind): string[] {
  const list = (data as Record<string, unknown>)[KINDS[kind].namedBy ?? ''];
  if (!Array.isArray(list)) return [];
  const ids = list.filter((item): item is string => typeof item === 'string');
  return KINDS[kind].ids === 'country' ? ids.map((code) => code.toLowerCase()) : ids;
}


/** What an entity's page is titled: a country's name, a topic's or event's title, a person's or organization's name. */
export function recordName(record: EntityRecord<unknown>): string {
  const data = record.data as { title?: unknown; name?: unknown };
  const own = (record as Partial<CountryRecord>).name ?? data.title ?? data.name;
  return typeof own === 'string' ? own : record.id;
}
