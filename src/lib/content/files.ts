import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import { KINDS } from '../core/kinds.ts';
import type { SourceFile } from './entries.ts';
import type { ContentError } from './errors.ts';
import { closestId } from '../core/closest.ts';
import { isPictureFile, pictureFormatProblem, SHARED_PICTURES } from './picture-files.ts';

/** `content/` at the repository root, or `CHRONICLE_CONTENT_DIR` (absolute or relative to the root). */
export function resolveContentDir(root: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env.CHRONICLE_CONTENT_DIR?.trim();
  if (!configured) return resolve(root, 'content');
  return isAbsolute(configured) ? configured : resolve(root, configured);
}

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    if (name.startsWith('.')) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const toPosix = (path: string) => path.split(sep).join('/');

// The file names a collection takes, from its pattern in the registry (Markdown, or Markdown and MDX).
const takenBy = (collection: CollectionName) => (KINDS[collection].pattern.endsWith('{md,mdx}') ? /\.mdx?$/i : /\.md$/i);
// Whether a collection's files may sit in folders below it (a pattern starting with two stars).
const nestedIn = (collection: CollectionName) => KINDS[collection].pattern.startsWith('**/');

/** Whether `dir` (or, when `nested`, a folder under it) holds a file that `takes`; stops at the first. */
function holdsFile(dir: string, takes: RegExp, nested: boolean): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) => !entry.name.startsWith('.') && (entry.isDirectory()
    ? nested && holdsFile(join(dir, entry.name), takes, nested)
    : takes.test(entry.name)));
}

/**
 * Whether a collection's folder holds any file of its kind. Every folder but
 * articles/ may be absent or empty, and Astro warns on each read of an empty
 * collection, which the dev server does on every request.
 */
export function hasCollectionFiles(contentDir: string, collection: CollectionName): boolean {
  return holdsFile(join(contentDir, collection), takenBy(collection), nestedIn(collection));
}

/**
 * Every file under the content folder, sorted. Files that no collection takes
 * (a `.txt`, an `.mdx` event, a misspelt folder) are reported, not skipped.
 */
export function readContentFiles(contentDir: string, displayRoot: string): { files: SourceFile[]; errors: ContentError[] } {
  const files: SourceFile[] = [];
  const errors: ContentError[] = [];
  const display = (full: string) => toPosix(relative(displayRoot, full)) || full;
  let top: string[] = [];
  try {
    top = readdirSync(contentDir).filter((name) => !name.startsWith('.')).sort();
  } catch {
    errors.push({ file: display(contentDir), message: 'the content folder does not exist; expected content/ or the folder named by CHRONICLE_CONTENT_DIR' });
    return { files, errors };
  }
  for (const name of top) {
    const full = join(contentDir, name);
    // Shared pictures: every file there must be one the image pipeline reads.
    if (name === SHARED_PICTURES) {
      for (const path of walk(full)) {
        if (!isPictureFile(path)) errors.push({ file: display(path), message: pictureFormatProblem(path) ?? `is not a picture; ${SHARED_PICTURES}/ holds only pictures for articles` });
      }
      continue;
    }
    if (!(COLLECTION_NAMES as string[]).includes(name)) {
      const suggestion = closestId(name, COLLECTION_NAMES);
      if (/^readme(\.md)?$/i.test(name)) continue;
      errors.push({
        file: display(full),
        message: `is not a collection folder${suggestion ? `; did you mean ${suggestion}/?` : `; expected one of ${COLLECTION_NAMES.join(', ')}`}`,
      });
      continue;
    }
    const collection = name as CollectionName;
    const allowed = takenBy(collection);
    for (const path of walk(full)) {
      const inside = toPosix(relative(full, path));
      // Pictures kept beside an article are read by Astro's image pipeline, not as entries.
      if (collection === 'articles' && isPictureFile(path)) continue;
      const formatProblem = collection === 'articles' ? pictureFormatProblem(path) : undefined;
      if (formatProblem) {
        errors.push({ file: display(path), message: formatProblem });
        continue;
      }
      if (!allowed.test(inside) || (!nestedIn(collection) && inside.includes('/'))) {
        errors.push({
          file: display(path),
          message: `is not read: ${collection}/ takes ${KINDS[collection].pattern.replace('{md,mdx}', 'md and .mdx')} files`,
        });
        continue;
      }
      files.push({ collection, path: inside, displayPath: display(path), source: readFileSync(path, 'utf8') });
    }
  }
  return { files, errors };
}
