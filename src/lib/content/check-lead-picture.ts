import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { imageSize } from 'image-size';
import { coversShareCard, SHARE_CARD } from '../core/picture-crops.ts';
import type { SourceFile } from './entries.ts';
import type { ContentError } from './errors.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { isRelative, missingPicture, type PictureOptions } from './check-pictures.ts';
import { isPictureFile, PICTURE_EXTENSIONS } from './picture-files.ts';
import { cachedPicture, hostAllowed, hostNotAllowed, isRemotePicture, type RemotePicture } from './remote-pictures.ts';

/**
 * An article's lead picture (`image.src`). Kept with the content, beside the
 * article or in `content/images/`: the file must exist (else the closest
 * picture in that folder is named), be a picture the site optimises, and be
 * at least as large as a share card (1200×630), since link previews show a
 * crop of it at that size. At an http(s) address: on a listed host it is
 * collected in `options.remote` for the download (and checked once
 * downloaded, below), else refused. Site paths are shown as written.
 */
export function checkLeadPictures(files: readonly SourceFile[], contentDir: string, options: PictureOptions = {}): ContentError[] {
  const errors: ContentError[] = [];
  for (const file of files) {
    if (file.collection !== 'articles' || !/^image:/m.test(file.source)) continue;
    const parsed = parseFrontmatter(file.source);
    const src = (parsed.data.image as { src?: unknown } | undefined)?.src;
    if (typeof src !== 'string') continue;
    const line = parsed.lineOf(['image', 'src']);
    const where = { file: file.displayPath, ...(line ? { line } : {}), field: 'image.src' };
    const at = (message: string) => errors.push({ ...where, message });
    if (isRemotePicture(src)) {
      if (hostAllowed(src, options.hosts ?? [])) options.remote?.push({ ...where, url: src });
      else at(hostNotAllowed(src, 'picture'));
      continue;
    }
    if (!isRelative(src)) continue;
    const folder = dirname(join(contentDir, 'articles', file.path));
    const path = join(folder, src);
    if (!isPictureFile(src)) {
      at(`${JSON.stringify(src)} is not a picture the site can optimise (${extname(src) || 'no extension'}); use a ${PICTURE_EXTENSIONS.map((e) => e.slice(1).toUpperCase()).join(', ')} file`);
    } else if (!existsSync(path)) {
      at(missingPicture(folder, src));
    } else {
      const problem = leadPictureProblem(src, path);
      if (problem) at(problem);
    }
  }
  return errors;
}

/**
 * The lead pictures on trusted hosts, checked once downloaded (the cached
 * copy is the file the site shows) as a kept one is: large enough for a
 * share card. A picture not downloaded has been reported by the download.
 */
export function checkDownloadedLeadPictures(pictures: readonly RemotePicture[], cacheDir: string): ContentError[] {
  return pictures.flatMap((picture) => {
    const copy = picture.field === 'image.src' ? cachedPicture(cacheDir, picture.url) : undefined;
    const problem = copy && leadPictureProblem(picture.url, copy);
    return problem ? [{ file: picture.file, ...(picture.line ? { line: picture.line } : {}), field: picture.field, message: problem }] : [];
  });
}

/** Why the picture at `path` (written `src`) cannot lead an article: unreadable, or smaller than a share card; undefined when it can. */
function leadPictureProblem(src: string, path: string): string | undefined {
  const size = sizeOf(path);
  if (!size) return `the picture ${JSON.stringify(src)} cannot be read as a picture; is the file whole?`;
  if (!coversShareCard(size)) {
    return `the picture ${JSON.stringify(src)} is ${size.width}×${size.height} pixels, too small for a share card; a lead picture needs at least ${SHARE_CARD.width}×${SHARE_CARD.height} (put a smaller picture in the text instead)`;
  }
  return undefined;
}

/** Width and height as shown, or undefined for a file that is not one. */
function sizeOf(path: string): { width: number; height: number } | undefined {
  try {
    return shownSize(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** A picture's width and height as shown (a picture taken sideways, EXIF orientation 5–8, swaps them); throws when it is not one. */
export function shownSize(data: Uint8Array): { width: number; height: number } {
  const { width, height, orientation } = imageSize(data);
  return (orientation ?? 0) >= 5 ? { width: height, height: width } : { width, height };
}
