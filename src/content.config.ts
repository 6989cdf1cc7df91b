import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLLECTIONS, type CollectionName } from './schemas/index.ts';
import { entryIdFromPath } from './lib/ids.ts';
import { resolveContentDir } from './lib/content-files.ts';

/**
 * One glob loader per collection of the content model. The Chronicle
 * integration has already validated the whole tree with the same schemas
 * before Astro gets here, so a broken file never reaches this point in a build.
 */
// The project root, wherever the build was started from.
const root = fileURLToPath(new URL('..', import.meta.url));
const contentDir = resolveContentDir(root);

// The schema is passed in (not looked up by name) so each collection keeps its own data type.
function collection<S extends (typeof COLLECTIONS)[CollectionName]['schema']>(name: CollectionName, schema: S) {
  return defineCollection({
    loader: glob({
      pattern: COLLECTIONS[name].pattern,
      base: join(contentDir, name),
      generateId: ({ entry }) => entryIdFromPath(entry),
      // Bodies are rendered when a page asks for them, keeping the content store small.
      deferRender: true,
    }),
    schema,
  });
}

export const collections = {
  articles: collection('articles', COLLECTIONS.articles.schema),
  events: collection('events', COLLECTIONS.events.schema),
  topics: collection('topics', COLLECTIONS.topics.schema),
  people: collection('people', COLLECTIONS.people.schema),
  organizations: collection('organizations', COLLECTIONS.organizations.schema),
  countries: collection('countries', COLLECTIONS.countries.schema),
};
