/**
 * Who and where a person is most often mentioned with: counted over the
 * articles and events that name the person themselves (not those that only
 * reach their timeline through an article's coverage).
 */
import { entityTimeline, type TimelineIndex } from './timeline.ts';

export interface Mention { id: string; count: number }

export interface CoMentions {
  people: Mention[];
  /** Lower-case country codes. */
  countries: Mention[];
}

function top(counts: Map<string, number>, limit: number): Mention[] {
  return [...counts].map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

export function coMentions(index: TimelineIndex, person: string, limit = 6): CoMentions {
  const people = new Map<string, number>();
  const countries = new Map<string, number>();
  for (const entry of entityTimeline(index, 'people', person)) {
    if (!entry.involves.people.includes(person)) continue;
    for (const id of new Set(entry.involves.people)) if (id !== person) people.set(id, (people.get(id) ?? 0) + 1);
    for (const code of new Set(entry.involves.countries)) countries.set(code, (countries.get(code) ?? 0) + 1);
  }
  return { people: top(people, limit), countries: top(countries, limit) };
}
