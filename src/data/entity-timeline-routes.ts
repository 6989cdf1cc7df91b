import type { PaginateFunction } from 'astro';
import type { Archive } from '../lib/archive.ts';
import { entityTimeline, type TimelineCollection } from '../lib/timeline.ts';
import { ENTITY_TIMELINE_LIMIT, entityTimelineYearPath } from '../lib/timeline-pages.ts';
import { yearPagePaths } from './timeline-routes.ts';

/** Display names, the way each entity page titles itself. */
export function entityName(archive: Archive, collection: TimelineCollection, id: string): string {
  switch (collection) {
    case 'topics': return archive.topics.get(id)?.data.title ?? id;
    case 'people': return archive.people.get(id)?.data.name ?? id;
    case 'organizations': return archive.organizations.get(id)?.data.name ?? id;
    case 'countries': return archive.countries.get(id)?.name ?? id.toUpperCase();
  }
}

/**
 * Year pages for every entity of a collection whose timeline is too long to
 * show whole on its page (`/people/<id>/timeline/2018/`…).
 */
export function entityYearPaths(archive: Archive, collection: TimelineCollection, paginate: PaginateFunction, param: 'id' | 'code' = 'id') {
  const ids = collection === 'topics' ? archive.topics.keys()
    : collection === 'people' ? archive.people.keys()
    : collection === 'organizations' ? archive.organizations.keys()
    : archive.countries.keys();
  return [...ids].flatMap((id) => {
    const entries = entityTimeline(archive.timeline, collection, id);
    if (entries.length <= ENTITY_TIMELINE_LIMIT) return [];
    return yearPagePaths(paginate, entries, (year) => entityTimelineYearPath(collection, id, year), { [param]: id }, { collection, id, name: entityName(archive, collection, id) });
  });
}
