/**
 * An article's place in its topic's story: the article's own events among
 * the nearest other events of the topic, shown beside the article. Its size
 * depends only on the article, never on how large the topic is.
 */
import type { ArticleSummary } from './records.ts';
import { firstIndexWhere } from '../core/sorted.ts';
import { compareEntries, entityTimeline, isEvent, type TimelineEntry, type TimelineIndex } from './timeline.ts';

export interface ArticleContext {
  /** The window of entries to show, in order, the article's own entry included. */
  entries: TimelineEntry[];
  /** Keys of the article's own events. */
  own: Set<string>;
  /** Key of the article's own entry. */
  current: string;
}

/**
 * An article's events placed among the nearest other events of a topic:
 * `around` events before and after each of its own (or, when it has none,
 * around its publication date), plus the article itself. The size depends
 * only on the article, never on how large the topic is.
 */
export function articleContext(index: TimelineIndex, article: ArticleSummary, topic: string, around = 2): ArticleContext | undefined {
  const self = index.byKey.get(`article:${article.id}`);
  if (!self) return undefined;
  const { events, position } = topicEvents(index, topic);
  const ownKeys = new Set([
    ...article.events.map((id) => `event:${id}`),
    ...article.inlineEvents.map((_, n) => `inline:${article.id}:${n}`),
  ]);
  const chosen = new Set<TimelineEntry>([self]);
  const take = (from: number, to: number) => {
    for (let i = Math.max(0, from); i < Math.min(events.length, to); i += 1) chosen.add(events[i]!);
  };
  let anchored = false;
  for (const key of ownKeys) {
    const at = position.get(key);
    if (at !== undefined) {
      anchored = true;
      take(at - around, at + around + 1);
    }
    // Own events outside the topic still belong to the article's section.
    const entry = index.byKey.get(key);
    if (entry) chosen.add(entry);
  }
  if (!anchored) {
    const at = firstIndexWhere(events, (entry) => compareEntries(entry, self) > 0);
    take(at - around, at + around);
  }
  const entries = [...chosen].sort(compareEntries);
  if (entries.length < 2) return undefined;
  return { entries, own: ownKeys, current: self.key };
}

/** A topic's events (no articles) with each one's position, computed once per topic per build. */
const topicEventCache = new WeakMap<TimelineIndex, Map<string, { events: TimelineEntry[]; position: Map<string, number> }>>();
function topicEvents(index: TimelineIndex, topic: string) {
  let cache = topicEventCache.get(index);
  if (!cache) topicEventCache.set(index, (cache = new Map()));
  let found = cache.get(topic);
  if (!found) {
    const events = entityTimeline(index, 'topics', topic).filter(isEvent);
    found = { events, position: new Map(events.map((entry, i) => [entry.key, i])) };
    cache.set(topic, found);
  }
  return found;
}
