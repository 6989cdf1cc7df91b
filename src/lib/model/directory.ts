/**
 * The directories of entities (`/people/`, `/organizations/`, `/countries/`,
 * `/events/`): what each lists, in the order its pages show it. The pages and
 * the sitemap's `lastmod` both read it, so a page's date is always the
 * newest change among the entries that page shows.
 */
import type { EntityKind } from '../core/kinds.ts';
import { entityPath } from '../core/urls.ts';
import { sortEventsByDate, type Archive } from './archive.ts';

/** Entries on one page of a directory. */
export const DIRECTORY_PAGE_SIZE = 100;

/** The kinds listed in a directory (topics have their tree instead). */
export const DIRECTORY_KINDS = ['people', 'organizations', 'countries', 'events'] as const satisfies readonly EntityKind[];
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** One entry of a directory: the entity's id (in its kind's map), its page, its name, a note and how many articles name it. */
export interface DirectoryEntry { id: string; path: string; name: string; note?: string | undefined; count?: number }

/** A kind's directory, in page order: people, organizations and countries by name; events by date. */
export function directoryEntries(archive: Archive, kind: DirectoryKind): DirectoryEntry[] {
  switch (kind) {
    case 'people':
      return [...archive.people.values()].map((p) => ({ id: p.id, path: entityPath('people', p.id), name: p.data.name, note: p.data.description, count: p.articles.length })).sort(byName);
    case 'organizations':
      return [...archive.organizations.values()].map((o) => ({ id: o.id, path: entityPath('organizations', o.id), name: o.data.name, note: o.data.description, count: o.articles.length })).sort(byName);
    case 'countries':
      return [...archive.countries.values()].map((c) => ({ id: c.code, path: entityPath('countries', c.code), name: c.name, count: c.articles.length })).sort(byName);
    case 'events':
      return sortEventsByDate([...archive.events.values()].map((e) => ({ ...e.data, id: e.id }))).map((e) => ({ id: e.id, path: entityPath('events', e.id), name: e.title, note: e.date.iso }));
  }
}

const byName = (a: DirectoryEntry, b: DirectoryEntry) => a.name.localeCompare(b.name);
