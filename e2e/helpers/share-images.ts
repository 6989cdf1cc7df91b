import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { imageSize } from 'image-size';
import { fileFor, filesIn, servedPath } from './crawl.ts';

/** The `<html lang>` and the OpenGraph and Twitter tags of a built page. */
export function headOf(html: string): { lang: string; meta: Map<string, string> } {
  const meta = new Map<string, string>();
  let lang = '';
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'html') lang = attributes.lang ?? '';
      const key = name === 'meta' ? attributes.property ?? attributes.name : undefined;
      if (key && attributes.content !== undefined && !meta.has(key)) meta.set(key, attributes.content);
    },
  });
  parser.end(html);
  return { lang, meta };
}

/** A picture's type, width and height, read from its bytes; undefined if they are not a picture. */
function pictureSize(bytes: Buffer): { type: string; width: number; height: number } | undefined {
  try {
    const size = imageSize(bytes);
    return size.type && size.width && size.height ? { type: size.type, width: size.width, height: size.height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every built page's share image, checked: an absolute address of a 1200×630
 * picture (a drawn PNG card, or a JPEG crop of the lead picture) that is a file
 * in dist/, with alt text, size, locale and the Twitter card. Returns the
 * problems, the pages checked and the distinct images they name.
 */
export function shareImageProblems(dist: string): { problems: string[]; pages: number; images: Set<string> } {
  const pages = filesIn(dist).filter((file) => file.endsWith('.html'));
  const problems: string[] = [];
  const images = new Set<string>();
  for (const file of pages) {
    const where = servedPath(dist, file, '/');
    const { lang, meta } = headOf(readFileSync(file, 'utf8'));
    // Redirect stubs (old article addresses) are not pages: no head of their own.
    if (!meta.has('og:title')) continue;
    const image = meta.get('og:image') ?? '';
    const url = URL.canParse(image) ? new URL(image) : undefined;
    const picture = url?.protocol === 'https:' ? fileFor(dist, url.pathname, '/') : undefined;
    const size = picture ? pictureSize(readFileSync(picture)) : undefined;
    const expectedType = url?.pathname.includes('/cards/') ? 'png' : undefined;
    if (!picture) problems.push(`${where}: og:image ${JSON.stringify(image)} is not an absolute URL of a file in dist/`);
    else if (!size || size.width !== 1200 || size.height !== 630 || (expectedType && size.type !== expectedType)) problems.push(`${where}: ${image} is not a 1200×630 ${expectedType ?? 'picture'} (${size ? `${size.type} ${size.width}×${size.height}` : 'not a picture'})`);
    else images.add(picture);
    if (meta.get('og:image:width') !== '1200' || meta.get('og:image:height') !== '630') problems.push(`${where}: og:image:width/height ${meta.get('og:image:width')}×${meta.get('og:image:height')}`);
    if (!meta.get('og:image:alt')?.trim()) problems.push(`${where}: no og:image:alt`);
    if (meta.get('twitter:card') !== 'summary_large_image') problems.push(`${where}: twitter:card ${meta.get('twitter:card')}`);
    if (meta.get('twitter:image') !== image) problems.push(`${where}: twitter:image differs from og:image`);
    const locale = meta.get('og:locale') ?? '';
    if (!/^[a-z]{2,3}_[A-Z]{2}$/.test(locale) || locale.split('_')[0] !== lang.split('-')[0]) problems.push(`${where}: og:locale ${JSON.stringify(locale)} on a page in ${lang}`);
  }
  return { problems, pages: pages.length, images };
}
