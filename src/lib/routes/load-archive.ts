import { buildArchive, type Archive } from '../model/archive.ts';
import type { ValidContent } from '../content/validate.ts';
import { KIND_NAMES, type KindName } from '../core/kinds.ts';
import { collectionEntries } from './collections.ts';

let cached: Promise<Archive> | undefined;

async function load(name: KindName) {
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
    const content = Object.fromEntries(await Promise.all(KIND_NAMES.map(async (name) => [name, await load(name)] as const)));
    return buildArchive(content as ValidContent, { includeDrafts: import.meta.env.DEV });
  })();
  return cached;
}
