import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ContentError } from './errors.ts';

/**
 * Pictures on other sites, made the site's own at build time. A page never
 * loads anything from another site (that site would learn who reads it), so
 * an article's `![alt](https://host/x.jpg)` is refused unless an editor has
 * listed the host as trusted in CHRONICLE_PICTURE_HOSTS; then the build
 * downloads the picture before Astro renders anything, into a cache folder
 * beside Astro's own (`<cache dir>/remote-pictures/`, one file per URL), and
 * the Markdown plugin (src/lib/markdown/figures.ts) points the article at that
 * file, so Astro's image pipeline optimises it like a picture kept beside the
 * article. A picture already in the cache is never downloaded again.
 */

/** The build setting listing the hosts whose pictures are downloaded (docs/content-model.md, Build settings). */
export const PICTURE_HOSTS_SETTING = 'CHRONICLE_PICTURE_HOSTS';

/** The cache's folder under Astro's cache folder (CHRONICLE_CACHE_DIR). */
export const REMOTE_PICTURES_FOLDER = 'remote-pictures';

/** An address a build may download: http(s) with a host. */
export const isRemotePicture = (url: string) => /^https?:\/\/[^/?#]/i.test(url);

/**
 * The trusted hosts, lower-case, from a comma- or space-separated list
 * (`images.example.org, cdn.example.com`); an address pasted whole
 * (`https://images.example.org/`) counts as its host.
 */
export function pictureHosts(env: Record<string, string | undefined>): string[] {
  return (env[PICTURE_HOSTS_SETTING] ?? '').split(/[\s,]+/)
    .map((host) => host.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, ''))
    .filter(Boolean);
}

/** Whether `url` is on a trusted host: its host name, or host and port, is listed. */
export function hostAllowed(url: string, hosts: readonly string[]): boolean {
  if (!isRemotePicture(url) || !URL.canParse(url)) return false;
  const { hostname, host } = new URL(url);
  return hosts.includes(hostname.toLowerCase()) || hosts.includes(host.toLowerCase());
}

/** The cache folder the build and `npm run check` share: `remote-pictures/` in CHRONICLE_CACHE_DIR (node_modules/.astro/). */
export const remotePictureCache = (root: string, env: Record<string, string | undefined>) =>
  resolve(root, env.CHRONICLE_CACHE_DIR || 'node_modules/.astro', REMOTE_PICTURES_FOLDER);

/** Formats the pipeline reads (picture-files.ts), told apart by their first bytes, not by the server's word. */
const SIGNATURES: [string, (data: Buffer) => boolean][] = [
  ['.jpg', (d) => d[0] === 0xff && d[1] === 0xd8 && d[2] === 0xff],
  ['.png', (d) => d.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['.gif', (d) => d.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['.webp', (d) => d.subarray(0, 4).toString('latin1') === 'RIFF' && d.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['.avif', (d) => d.subarray(4, 8).toString('latin1') === 'ftyp' && /^avi[fs]$/.test(d.subarray(8, 12).toString('latin1'))],
];

/** The file extension of a picture's bytes, or undefined when they are not one of the formats taken. */
export const pictureExtension = (data: Buffer) => SIGNATURES.find(([, matches]) => matches(data))?.[0];

/** The cached file's name without its extension: readable (the URL's last segment) and unique (a hash of the whole URL). */
function cacheStem(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  const readable = last.replace(/\.[a-z0-9]+$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 16);
  return readable ? `${readable}-${hash}` : hash;
}

/** The cached copy of a remote picture, or undefined when it has not been downloaded. */
export function cachedPicture(cacheDir: string, url: string): string | undefined {
  if (!isRemotePicture(url) || !URL.canParse(url)) return undefined;
  const stem = join(cacheDir, cacheStem(url));
  return SIGNATURES.map(([ext]) => stem + ext).find((file) => existsSync(file));
}

/** Downloads one address: its bytes and type, or why not (a status, a network error's code). */
export async function download(url: string, timeoutMs = 30_000): Promise<{ data: Buffer; type: string } | { reason: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) return { reason: `the server answered ${response.status} ${response.statusText}`.trim() };
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type && !type.startsWith('image/') && type !== 'application/octet-stream') return { reason: `it is not a picture (${type})` };
    return { data: Buffer.from(await response.arrayBuffer()), type };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { reason: `no answer within ${timeoutMs / 1000} s` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { reason: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/** A remote picture named by a content file, where it is named. */
export interface RemotePicture {
  file: string;
  line?: number;
  /** `body`, or `image.src` for the lead picture. */
  field: string;
  url: string;
}

export interface FetchOptions {
  timeoutMs?: number;
  /** Downloads at once: a few, to be polite to the host. */
  concurrency?: number;
}

/**
 * Brings every listed picture into the cache, a few at a time, each URL once
 * whatever the number of articles naming it; pictures already there are not
 * requested. Returns a problem for every place naming a picture that could
 * not be fetched or is not a picture, so the build stops before rendering.
 */
export async function fetchRemotePictures(pictures: readonly RemotePicture[], cacheDir: string, options: FetchOptions = {}): Promise<ContentError[]> {
  const missing = [...new Set(pictures.map((p) => p.url))].filter((url) => !cachedPicture(cacheDir, url));
  const failures = new Map<string, string>();
  const fetchOne = async (url: string) => {
    const result = await download(url, options.timeoutMs);
    if ('reason' in result) return void failures.set(url, result.reason);
    const ext = pictureExtension(result.data);
    if (!ext) return void failures.set(url, `it is not a JPEG, PNG, WebP, AVIF or GIF picture${result.type ? ` (the server says ${result.type})` : ''}`);
    mkdirSync(cacheDir, { recursive: true });
    // Written under a temporary name, then renamed: an interrupted build never leaves half a picture in the cache.
    const file = join(cacheDir, cacheStem(url) + ext);
    writeFileSync(`${file}.part`, result.data);
    renameSync(`${file}.part`, file);
  };
  const queue = [...missing];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) await fetchOne(url);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return pictures.filter((p) => failures.has(p.url)).map((p) => ({
    file: p.file,
    ...(p.line ? { line: p.line } : {}),
    field: p.field,
    message: `the picture ${JSON.stringify(p.url)} could not be downloaded: ${failures.get(p.url)}; check the address, or copy the file beside the article and use its path`,
  }));
}

/** Why a remote picture is refused, and how to allow it, for a host not listed. */
export function hostNotAllowed(url: string, what = 'image'): string {
  const host = URL.canParse(url) ? new URL(url).host : undefined;
  const allow = host && isRemotePicture(url)
    ? `; to have the build download it and serve it from this site, add ${host} to the ${PICTURE_HOSTS_SETTING} build setting (${PICTURE_HOSTS_SETTING}=${host}), or copy the file beside the article and use its path`
    : '; copy the file beside the article and use its path';
  return `the ${what} ${JSON.stringify(url)} would be loaded from another site as the page opens, telling that site who reads it${allow}`;
}
