import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { contentDir } from 'virtual:chronicle/project';
import { hasCollectionFiles } from '../content/files.ts';

/**
 * A collection's entries, or none without asking Astro when its folder has
 * no files: Astro logs a warning for every read of an empty collection, and
 * an archive without country pages (or any other optional folder) is normal.
 */
export async function collectionEntries<C extends CollectionKey>(name: C): Promise<CollectionEntry<C>[]> {
  if (!hasCollectionFiles(contentDir, name)) return [];
  return getCollection(name);
}
