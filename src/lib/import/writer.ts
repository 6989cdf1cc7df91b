import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Writing an import safely, again and again. The content folder keeps a
 * manifest (`.chronicle-import.json`; content/ ignores names starting with a
 * dot) of every file the import wrote and its digest then. On the next run
 * a file is rewritten only if it is still exactly what the import wrote; one
 * edited since is kept (and reported) unless `--force`; a file the import
 * never wrote is never replaced.
 */

export const MANIFEST = '.chronicle-import.json';

export interface PlannedFile {
  /** Which folder: the content folder or the public folder. */
  root: 'content' | 'public';
  /** Path inside that folder, with `/`. */
  path: string;
  data: string | Buffer;
}

export interface WriteResult {
  written: PlannedFile[];
  unchanged: PlannedFile[];
  /** Files edited since the last import, or never written by it: left as they are. */
  kept: { file: PlannedFile; why: 'edited' | 'not-ours' | 'moved' }[];
  /** Files an earlier import wrote where this one writes elsewhere, removed as they were. */
  removed: Pick<PlannedFile, 'root' | 'path'>[];
}

interface Manifest {
  version: 1;
  files: Record<string, string>;
}

const digest = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const keyOf = (file: Pick<PlannedFile, 'root' | 'path'>) => `${file.root}:${file.path}`;

export function readManifest(contentDir: string): Manifest {
  try {
    const parsed = JSON.parse(readFileSync(join(contentDir, MANIFEST), 'utf8')) as Manifest;
    return parsed && parsed.version === 1 && typeof parsed.files === 'object' ? parsed : { version: 1, files: {} };
  } catch {
    return { version: 1, files: {} };
  }
}

/** Whether a file exists at this place that the import did not write (so an id is taken). */
export function takenByOthers(manifest: Manifest, roots: Record<PlannedFile['root'], string>, file: Pick<PlannedFile, 'root' | 'path'>): boolean {
  return existsSync(join(roots[file.root], file.path)) && manifest.files[keyOf(file)] === undefined;
}

function inside(root: string, path: string): string {
  const full = resolve(root, path);
  if (!full.startsWith(resolve(root) + sep)) throw new Error(`refusing to write ${path}: it is outside ${root}`);
  return full;
}

/**
 * `retired` are places an earlier import may have written that this one no
 * longer does (an article that now has pictures moves from `x.md` to
 * `x/index.md`, keeping its id): one the import wrote and nobody edited is
 * removed, so the two never claim the same id; an edited one is kept and reported.
 */
export function writeFiles(files: readonly PlannedFile[], roots: Record<PlannedFile['root'], string>, force: boolean, retired: readonly Pick<PlannedFile, 'root' | 'path'>[] = []): WriteResult {
  const manifest = readManifest(roots.content);
  const result: WriteResult = { written: [], unchanged: [], kept: [], removed: [] };
  for (const place of retired) {
    const recorded = manifest.files[keyOf(place)];
    const full = inside(roots[place.root], place.path);
    if (recorded === undefined || !existsSync(full)) continue;
    if (digest(readFileSync(full)) === recorded) {
      unlinkSync(full);
      delete manifest.files[keyOf(place)];
      result.removed.push(place);
    } else {
      result.kept.push({ file: { ...place, data: '' }, why: 'moved' });
    }
  }
  for (const file of files) {
    const full = inside(roots[file.root], file.path);
    const wanted = digest(file.data);
    if (existsSync(full)) {
      const current = digest(readFileSync(full));
      if (current === wanted) {
        manifest.files[keyOf(file)] = wanted;
        result.unchanged.push(file);
        continue;
      }
      const recorded = manifest.files[keyOf(file)];
      if (!force && recorded !== current) {
        result.kept.push({ file, why: recorded === undefined ? 'not-ours' : 'edited' });
        continue;
      }
    }
    mkdirSync(dirname(full), { recursive: true });
    // Written beside and renamed, so an interrupted run never leaves half a file.
    writeFileSync(`${full}.importing`, file.data);
    renameSync(`${full}.importing`, full);
    manifest.files[keyOf(file)] = wanted;
    result.written.push(file);
  }
  const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  mkdirSync(roots.content, { recursive: true });
  writeFileSync(join(roots.content, MANIFEST), `${JSON.stringify({ version: 1, files: sorted }, null, 2)}\n`);
  return result;
}
