import type { APIRoute } from 'astro';
import type { EntityRecord } from '../../lib/model/archive.ts';

/**
 * Names for the facet values the index holds as ids (topic, person,
 * organization, country), fetched by the search page with its first search.
 * Only entities that some article names (or quotes) can appear as a facet value.
 */
function names<T>(records: Map<string, EntityRecord<T>>, name: (record: EntityRecord<T>) => string): Record<string, string> {
  return Object.fromEntries([...records.values()].filter((r) => r.articles.length > 0).map((r) => [r.id, name(r)]));
}

export const GET: APIRoute = async ({ locals }) => {
  const { archive } = locals.chronicle;
  const labels = {
    topic: names(archive.topics, (r) => r.data.title),
    // Every person: quoted speakers (the speaker facet) need not be among an article's people.
    person: Object.fromEntries([...archive.people.values()].map((r) => [r.id, r.data.name])),
    organization: names(archive.organizations, (r) => r.data.name),
    country: Object.fromEntries([...archive.countries.values()].filter((c) => c.articles.length > 0).map((c) => [c.code, c.name])),
  };
  return new Response(JSON.stringify(labels), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
