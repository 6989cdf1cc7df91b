/**
 * What a build wrote: pages, bytes, the search index, and the HTML size of
 * each kind of page, classified by URL.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Page kinds the targets name, by the URL shapes of src/lib/core/urls.ts; everything else is `other`. */
export const PAGE_KINDS = ['article', 'topic', 'person', 'timeline-year', 'archive', 'organization', 'country', 'event', 'home'] as const;
export type PageKind = (typeof PAGE_KINDS)[number] | 'other';

export function pageKind(path: string): PageKind {
  const p = `/${path.split(sep).join('/')}`.replace(/index\.html$/, '');
  if (p === '/' || /^\/page\/\d+\/$/.test(p)) return 'home';
  if (/^\/articles\/.+\/$/.test(p)) return 'article';
  if (/^\/timeline\/\d{4}\/(?:\d+\/)?$/.test(p)) return 'timeline-year';
  if (/^\/archive\//.test(p)) return 'archive';
  const entity = /^\/(topics|people|organizations|countries|events)\/([^/]+)\/(?:\d+\/)?$/.exec(p);
  if (entity && !/^\d+$/.test(entity[2]!)) {
    return ({ topics: 'topic', people: 'person', organizations: 'organization', countries: 'country', events: 'event' } as const)[entity[1] as 'topics'];
  }
  return 'other';
}

export interface SizeStats { pages: number; medianBytes: number; maxBytes: number; maxPath: string }

export interface DistStats {
  pages: number;
  distBytes: number;
  searchIndexBytes: number;
  searchIndexFiles: number;
  byKind: Partial<Record<PageKind, SizeStats>>;
}

function walk(dir: string, visit: (path: string, bytes: number) => void) {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const full = join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) walk(full, visit);
    else visit(full, stat.size);
  }
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `searchDir` is the Pagefind output folder inside dist (`pagefind`). */
export function distStats(dist: string, searchDir = 'pagefind'): DistStats {
  const sizes = new Map<PageKind, { bytes: number[]; maxBytes: number; maxPath: string }>();
  let pages = 0;
  let distBytes = 0;
  let searchIndexBytes = 0;
  let searchIndexFiles = 0;
  const searchPrefix = `${searchDir}${sep}`;
  walk(dist, (full, bytes) => {
    const path = relative(dist, full);
    distBytes += bytes;
    if (path.startsWith(searchPrefix)) {
      searchIndexBytes += bytes;
      searchIndexFiles++;
      return;
    }
    if (!path.endsWith('.html')) return;
    pages++;
    const kind = pageKind(path);
    const entry = sizes.get(kind) ?? { bytes: [], maxBytes: 0, maxPath: '' };
    entry.bytes.push(bytes);
    if (bytes > entry.maxBytes) Object.assign(entry, { maxBytes: bytes, maxPath: `/${path.split(sep).join('/')}` });
    sizes.set(kind, entry);
  });
  const byKind: DistStats['byKind'] = {};
  for (const [kind, { bytes, maxBytes, maxPath }] of sizes) byKind[kind] = { pages: bytes.length, medianBytes: median(bytes), maxBytes, maxPath };
  return { pages, distBytes, searchIndexBytes, searchIndexFiles, byKind };
}
