import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLLECTIONS, type CollectionName } from './schemas/index.ts';
import { entryIdFromPath } from './lib/core/ids.ts';
import { resolveContentDir } from './lib/content/files.ts';
import { followEveryWrite } from './lib/build/settled-watcher.ts';

/**
 * One glob loader per collection of the content model. The Chronicle
 * integration has already validated the whole tree with the same schemas
 * before Astro gets here, so a broken file never reaches this point in a build.
 */
// The project root, wherever the build was started from.
const root = fileURLToPath(new URL('..', import.meta.url));
const contentDir = resolveContentDir(root);

function loader(name: CollectionName) {
  // In the dev server, a file saved twice in quick succession shows its last version (src/lib/build/settled-watcher.ts).
  return followEveryWrite(glob({
    // Articles' text stays in their files (src/lib/routes/article-source.ts): the store is one
    // string in V8, and 100,000 bodies would not fit in it. Other bodies are short.
    retainBody: name !== 'articles',
    pattern: COLLECTIONS[name].pattern,
    base: join(contentDir, name),
    generateId: ({ entry }) => entryIdFromPath(entry),
    // Markdown is rendered once while content syncs and kept in Astro's content cache, so a
    // rebuild re-renders only changed files; deferring it would make every .md file a Vite
    // module, and bundling tens of thousands of them costs minutes and gigabytes (BENCHMARKS.md).
    // MDX is always compiled as a module.
    deferRender: false,
  }));
}

// Each schema is named directly (not looked up by a generic name) so each collection keeps its own data type.
export const collections = {
  articles: defineCollection({ loader: loader('articles'), schema: COLLECTIONS.articles.schema }),
  events: defineCollection({ loader: loader('events'), schema: COLLECTIONS.events.schema }),
  topics: defineCollection({ loader: loader('topics'), schema: COLLECTIONS.topics.schema }),
  people: defineCollection({ loader: loader('people'), schema: COLLECTIONS.people.schema }),
  organizations: defineCollection({ loader: loader('organizations'), schema: COLLECTIONS.organizations.schema }),
  countries: defineCollection({ loader: loader('countries'), schema: COLLECTIONS.countries.schema }),
};
