import { buildArchive, type Archive } from '../model/archive.ts';
import type { ValidContent } from '../content/validate.ts';
import { KIND_NAMES, type KindName } from '../core/kinds.ts';
import { collectionEntries } from './collections.ts';
import { contentCache } from './content-cache.ts';

async function load(name: KindName) {
  const entries = await collectionEntries(name);
  return entries.map((entry) => ({ id: entry.id, file: entry.filePath ?? `content/${name}/${entry.id}`, data: entry.data, body: entry.body ?? '' }));
}

/**
 * The archive model, built once per build (and again after content changes under the dev server) and shared by
 * every page. Drafts are included only by the dev server.
 */
export const getArchive: () => Promise<Archive> = contentCache(async () => {
  const content = Object.fromEntries(await Promise.all(KIND_NAMES.map(async (name) => [name, await load(name)] as const)));
  return buildArchive(content as ValidContent, { includeDrafts: import.meta.env.DEV });
});
