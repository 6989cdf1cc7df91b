import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMAS } from './schemas/index.ts';
import { KIND_NAMES, KINDS, type KindName } from './lib/core/kinds.ts';
import { entryIdFromPath } from './lib/core/ids.ts';
import { resolveContentDir } from './lib/content/files.ts';

/**
 * One glob loader per kind in the registry (src/lib/core/kinds.ts). The
 * Chronicle integration has already validated the whole tree with the same
 * schemas, file patterns and id rule before Astro gets here, so a broken file
 * never reaches this point in a build.
 */
// The project root, wherever the build was started from.
const root = fileURLToPath(new URL('..', import.meta.url));
const contentDir = resolveContentDir(root);

function collection<K extends KindName>(name: K) {
  return defineCollection({
    loader: glob({
      // Articles' text stays in their files (src/lib/routes/article-source.ts): the store is one
      // string in V8, and 100,000 bodies would not fit in it. Other bodies are short.
      retainBody: name !== 'articles',
      pattern: KINDS[name].pattern,
      base: join(contentDir, name),
      generateId: ({ entry }) => entryIdFromPath(entry),
      // Markdown is rendered once while content syncs and kept in Astro's content cache, so a
      // rebuild re-renders only changed files; deferring it would make every .md file a Vite
      // module, and bundling tens of thousands of them costs minutes and gigabytes (BENCHMARKS.md).
      // MDX is always compiled as a module.
      deferRender: false,
    }),
    schema: SCHEMAS[name],
  });
}

// The mapped type keeps each collection's own data type (`CollectionEntry<'people'>`).
export const collections = Object.fromEntries(KIND_NAMES.map((name) => [name, collection(name)])) as {
  [K in KindName]: ReturnType<typeof collection<K>>;
};
