import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A digest of some source files' text and of other inputs (a base path, a
 * package version), for caches that must be thrown away when the code that
 * filled them changes: Astro's Markdown cache (through a plugin's
 * `fingerprint`) and the search index's cached parts.
 *
 * A file that cannot be read is an error, not a gap in the digest: a renamed
 * or moved file would otherwise drop out of the key, and edits to it would
 * silently stop invalidating the cache.
 */
export function sourceFingerprint(files: readonly (string | URL)[], inputs: readonly string[] = []): string {
  const texts = files.map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      const path = file instanceof URL ? fileURLToPath(file) : file;
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      throw new Error(`cannot fingerprint ${path} (${reason}): was it renamed or moved? Update the list of files that names it.`);
    }
  });
  return createHash('sha256').update(JSON.stringify([...inputs, ...texts])).digest('hex');
}
