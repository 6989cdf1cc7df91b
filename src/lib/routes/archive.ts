import type { CollectionKey } from 'astro:content';
import { buildArchive, type Archive } from '../model/archive.ts';
import type { ValidContent } from '../content/validate.ts';
import { collectionEntries } from './collections.ts';

let cached: Promise<Archive> | undefined;

async function load<C extends CollectionKey>(name: C) {
  const entries = await collectionEntries(name);
  return entries.map((entry) => ({ id: entry.id, file: entry.filePath ?? `content/${name}/${entry.id}`, data: entry.data, body: entry.body ?? '' }));
}

/**
 * The archive model, built once per build (or dev server reload) and shared by
 * every page. Drafts are included only by the dev server.
 */
export function getArchive(): Promise<Archive> {
  if (import.meta.env.DEV) cached = undefined; // content may have changed under the dev server
  cached ??= (async () => {
    const content = {
      articles: await load('articles'),
      events: await load('events'),
      topics: await load('topics'),
      people: await load('people'),
      organizations: await load('organizations'),
      countries: await load('countries'),
    } as ValidContent;
    return buildArchive(content, { includeDrafts: import.meta.env.DEV });
  })();
  return cached;
}
