import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file of a dist/ (the search index included), by path, with its SHA-256. */
export function digest(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  const all = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const file of all.map((entry) => join(entry.parentPath, entry.name)).sort()) {
    files.set(relative(dist, file).split(sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return files;
}

/** The files two digests disagree on: present in one only, or with other bytes. */
export function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((name) => a.get(name) !== b.get(name));
}
