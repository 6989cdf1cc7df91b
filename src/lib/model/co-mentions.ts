/**
 * Who and where a person is most often mentioned with: counted over the
 * articles and events that name the person themselves (not those that only
 * reach their timeline through an article's coverage).
 */
import type { TimelineEntry, TimelineIndex } from './timeline.ts';

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

/** Per person, the entries that name them, in timeline order: made once per timeline index. */
const namingByIndex = new WeakMap<TimelineIndex, Map<string, TimelineEntry[]>>();

function entriesNaming(index: TimelineIndex, person: string): readonly TimelineEntry[] {
  let naming = namingByIndex.get(index);
  if (!naming) {
    // One pass over the timeline, instead of one over each person's whole timeline, which also holds
    // every event reached through an article's coverage: that grew faster than the archive (BENCHMARKS.md).
    naming = new Map();
    for (const entry of index.entries) {
      for (const id of new Set(entry.involves.people)) {
        const list = naming.get(id);
        if (list) list.push(entry);
        else naming.set(id, [entry]);
      }
    }
    namingByIndex.set(index, naming);
  }
  return naming.get(person) ?? [];
}

export function coMentions(index: TimelineIndex, person: string, limit = 6): CoMentions {
  const people = new Map<string, number>();
  const countries = new Map<string, number>();
  for (const entry of entriesNaming(index, person)) {
    for (const id of new Set(entry.involves.people)) if (id !== person) people.set(id, (people.get(id) ?? 0) + 1);
    for (const code of new Set(entry.involves.countries)) countries.set(code, (countries.get(code) ?? 0) + 1);
  }
  return { people: top(people, limit), countries: top(countries, limit) };
}
