import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMAS } from './schemas/index.ts';
import { articleSchemaWithPictures } from './schemas/article.ts';
import { KINDS, type KindName } from './lib/core/kinds.ts';
import { entryIdFromPath } from './lib/core/ids.ts';
import { resolveContentDir } from './lib/content/files.ts';
import { cachedPicture, remotePictureCache } from './lib/content/remote-pictures.ts';
import { followEveryWrite } from './lib/build/settled-watcher.ts';
import { failOnRenderError } from './lib/build/render-failures.ts';
import { skipInvalidInDev } from './lib/build/skip-invalid.ts';
import { mdxAsData } from './lib/markdown/mdx-articles.ts';

/**
 * One glob loader per kind in the registry (src/lib/core/kinds.ts). The
 * Chronicle integration has already validated the whole tree with the same
 * schemas, file patterns and id rule before Astro gets here, so a broken file
 * never reaches this point in a build.
 */
// The project root, wherever the build was started from.
const root = fileURLToPath(new URL('..', import.meta.url));
const contentDir = resolveContentDir(root);
// Where the build downloaded the pictures of trusted hosts, before Astro loads anything (src/integrations/chronicle.ts).
const pictureCache = remotePictureCache(root, process.env);

function loader(name: KindName) {
  // In the dev server, a file saved twice in quick succession shows its last version (src/lib/build/settled-watcher.ts),
  // and it keeps serving when a file is broken, which the validation pass has reported (src/lib/build/skip-invalid.ts);
  // in a build, a file whose Markdown fails to render stops it (src/lib/build/render-failures.ts).
  const files = skipInvalidInDev(followEveryWrite(failOnRenderError(glob({
    // Articles' text stays in their files (src/lib/routes/article-source.ts): the store is one
    // string in V8, and a large archive's bodies would not fit in it (BENCHMARKS.md). Other bodies are short.
    retainBody: name !== 'articles',
    pattern: KINDS[name].pattern,
    base: join(contentDir, name),
    generateId: ({ entry }) => entryIdFromPath(entry),
    // Markdown is rendered once while content syncs and kept in Astro's content cache, so a
    // rebuild re-renders only changed files; deferring it would make every .md file a Vite
    // module, and bundling tens of thousands of them costs minutes and gigabytes (BENCHMARKS.md).
    // MDX articles are rendered the same way (src/lib/markdown/mdx-articles.ts): no article is a module.
    deferRender: false,
  }))));
  return name === 'articles' ? mdxAsData(files) : files;
}

// Named one by one so each collection keeps its own data type (`CollectionEntry<'people'>`);
// `satisfies` makes a kind added to the registry without a collection here a type error.
export const collections = {
  // The lead picture's file goes through Astro's image() helper (the pass has checked it exists and is large enough),
  // a picture on a trusted host by its downloaded copy.
  articles: defineCollection({ loader: loader('articles'), schema: ({ image }) => articleSchemaWithPictures(image, (url) => cachedPicture(pictureCache, url)) }),
  events: defineCollection({ loader: loader('events'), schema: SCHEMAS.events }),
  topics: defineCollection({ loader: loader('topics'), schema: SCHEMAS.topics }),
  people: defineCollection({ loader: loader('people'), schema: SCHEMAS.people }),
  organizations: defineCollection({ loader: loader('organizations'), schema: SCHEMAS.organizations }),
  countries: defineCollection({ loader: loader('countries'), schema: SCHEMAS.countries }),
} satisfies Record<KindName, unknown>;
