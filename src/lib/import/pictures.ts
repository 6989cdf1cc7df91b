import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve, sep } from 'node:path';
import { download } from '../content/remote-pictures.ts';
import { isPictureFile } from '../content/picture-files.ts';
import { shownSize } from '../content/check-lead-picture.ts';
import { coversShareCard, type Size } from '../core/picture-crops.ts';

/**
 * Pictures of imported articles, copied into the site's own files: the build
 * refuses pictures loaded from another site (src/lib/content/body-safety.ts).
 * A picture goes beside its article, the place the guide's pictures page
 * recommends (`content/articles/<id>/index.md` and
 * `content/articles/<id>/<name>`, written `./<name>`), so Astro's image
 * pipeline optimises it; the featured picture too, as the article's lead
 * picture (`image.src: ./<name>`). Two kinds go to
 * `public/images/<article id>/<name>` instead, written
 * `/images/<article id>/<name>`, which the site sends as they are: a picture
 * in a format the pipeline cannot read (SVG, TIFF…), which content/ refuses,
 * and a featured picture smaller than a share card, which the build refuses
 * as a lead picture kept with the content. A picture that cannot be fetched
 * is reported, and the article links to the original instead.
 */

export interface PictureSource {
  /** An http(s) URL to download, or a file on this machine to copy. */
  url?: string | undefined;
  file?: string | undefined;
}

/** Where a picture is meant to go: the content folder (beside its article) or the public folder. */
export interface PicturePlace {
  root: 'content' | 'public';
  /** Path inside that folder, `articles/2018/07/x/a.jpg` or `images/2018/07/x/a.jpg`. */
  path: string;
}

export interface FetchedPicture extends PicturePlace {
  /** What the article writes: `./a.jpg` beside it, or the site path `/images/2018/07/x/a.jpg`. */
  src: string;
  data: Buffer;
  /** A lead picture's size when it is smaller than a share card (and so went to public/). */
  small?: Size | undefined;
}

/** A picture to fetch: where from, where to, and whether it leads its article. */
export type WantedPicture = PicturePlace & { source: PictureSource; lead?: boolean | undefined };

export type PictureOutcome = { ok: true; picture: FetchedPicture } | { ok: false; reason: string };

const TYPES: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/gif': '.gif', 'image/webp': '.webp', 'image/avif': '.avif', 'image/svg+xml': '.svg' };

/** A file name of plain letters, digits, dots and dashes, from the last segment of an address. */
export function pictureFileName(address: string, index: number): string {
  let last = address.split(/[?#]/)[0]!.split('/').pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch { /* kept */ }
  const ext = extname(last).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const stem = last.slice(0, last.length - extname(last).length).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${stem || `picture-${index + 1}`}${ext}`;
}

/**
 * Where a picture named in an article comes from: absolute addresses are
 * downloaded; site paths and relative ones are read from the old site's
 * folders when it has them (Hugo's static/, a Jekyll site, a page bundle),
 * else resolved against the old site's address.
 */
export function locatePicture(address: string, context: { siteUrl?: string | undefined; staticDir?: string | undefined; articleDir?: string | undefined }): PictureSource | undefined {
  const trimmed = address.trim();
  if (!trimmed || /^data:/i.test(trimmed)) return undefined;
  if (/^(https?:)?\/\//i.test(trimmed)) return { url: trimmed.startsWith('//') ? `https:${trimmed}` : trimmed };
  const path = trimmed.split(/[?#]/)[0]!;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch { /* kept */ }
  const base = path.startsWith('/') ? context.staticDir : context.articleDir;
  if (base) {
    const file = resolve(base, `.${sep}${decoded.replace(/^\/+/, '')}`);
    if (file.startsWith(resolve(base)) && existsSync(file)) return { file };
    if (!context.siteUrl) return { file };
  }
  if (context.siteUrl) {
    try {
      return { url: new URL(trimmed, context.siteUrl).href };
    } catch { /* not an address */ }
  }
  return undefined;
}

/**
 * Fetches every picture of every article, a few at a time. `wanted` maps a
 * key (article id and address) to where it comes from and the file it goes to.
 */
export async function fetchPictures(wanted: Map<string, WantedPicture>, concurrency = 4): Promise<Map<string, PictureOutcome>> {
  const outcomes = new Map<string, PictureOutcome>();
  const queue = [...wanted.entries()];
  const cache = new Map<string, Promise<{ data: Buffer; type: string } | { reason: string }>>();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, { source, root, path, lead }] = next;
      let result: { data: Buffer; type: string } | { reason: string };
      if (source.file) {
        result = existsSync(source.file) ? { data: readFileSync(source.file), type: '' } : { reason: 'the file is not in the old site\'s folder' };
      } else {
        const url = source.url!;
        if (!cache.has(url)) cache.set(url, download(url));
        result = await cache.get(url)!;
      }
      if ('reason' in result) {
        outcomes.set(key, { ok: false, reason: result.reason });
        continue;
      }
      const finalPath = extname(path) ? path : `${path}${TYPES[result.type] ?? '.jpg'}`;
      const small = lead ? smallerThanShareCard(result.data) : undefined;
      const beside = root === 'content' && isPictureFile(finalPath) && !small;
      const place: PicturePlace = beside ? { root, path: finalPath } : { root: 'public', path: finalPath.replace(/^articles\//, 'images/') };
      outcomes.set(key, { ok: true, picture: { ...place, src: beside ? `./${basename(finalPath)}` : `/${place.path}`, data: result.data, small } });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return outcomes;
}

/** A picture's size when it is smaller than a share card, or cannot be read (then 0×0); undefined when it covers one. */
function smallerThanShareCard(data: Buffer): Size | undefined {
  try {
    const size = shownSize(data);
    return coversShareCard(size) ? undefined : size;
  } catch {
    return { width: 0, height: 0 };
  }
}

/** Beside the article (its folder under articles/), or under public/images/ for what the pipeline does not take. */
export const picturePlace = (articleId: string, fileName: string, root: PicturePlace['root']): PicturePlace =>
  ({ root, path: join(root === 'content' ? 'articles' : 'images', articleId, fileName).split(sep).join('/') });
