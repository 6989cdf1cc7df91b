/**
 * Entry ids: the path inside the collection folder, without extension, lower-case.
 * The same function names entries for Astro's loader and for validation, so the
 * two can never disagree about which id a file has.
 */
export function entryIdFromPath(relativePath: string): string {
  return relativePath
    .replaceAll('\\', '/')
    .replace(/\.(md|mdx)$/i, '')
    // An article kept in a folder with its pictures (`2018/07/slug/index.md`) is named by the folder.
    .replace(/\/index$/i, '')
    .toLowerCase();
}

/** An id authors can reference: lower-case words, digits and dashes, in folders. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*$/;
