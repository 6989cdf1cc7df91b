import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { hasCollectionFiles, resolveContentDir } from '../content/files.ts';
import { projectRoot } from '../build/project-root.ts';

/**
 * A collection's entries, or none without asking Astro when its folder has
 * no files: Astro logs a warning for every read of an empty collection, and
 * an archive without country pages (or any other optional folder) is normal.
 */
export async function collectionEntries<C extends CollectionKey>(name: C): Promise<CollectionEntry<C>[]> {
  if (!hasCollectionFiles(resolveContentDir(projectRoot()), name)) return [];
  return getCollection(name);
}
