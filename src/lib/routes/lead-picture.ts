import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getImage } from 'astro:assets';
import { imageSize } from 'image-size';
import { root } from 'virtual:chronicle/project';
import type { LeadPicture, PictureFile } from '../../schemas/article.ts';
import type { ArticleSummary } from '../model/archive.ts';
import { SHARE_CARD, structuredDataCrops, type Size } from '../core/picture-crops.ts';
import { imageUrl } from './page-facts.ts';

/**
 * An article's lead picture as pages use it: a file Astro's content layer
 * resolved through `image()` (optimised, cropped for link previews and
 * structured data), the downloaded copy of one on a trusted host included,
 * or a site path or address as written.
 */
export function leadPictureOf(article: ArticleSummary): LeadPicture | undefined {
  // The model's type is the validation pass's (a path); Astro's content layer hands pages the resolved file.
  return article.data.image as LeadPicture | undefined;
}

export const isPictureFile = (src: LeadPicture['src']): src is PictureFile => typeof src === 'object';

/** The file a list's thumbnail is cut from: the lead picture when the build optimises it, else none. */
export function thumbnailOf(article: ArticleSummary): PictureFile | undefined {
  const src = leadPictureOf(article)?.src;
  return src && isPictureFile(src) ? src : undefined;
}

/** A picture the page links to, with its size: what link previews and structured data name. */
export interface SizedPicture { url: string; alt: string; width?: number; height?: number }

/** A crop of a kept picture, as JPEG (every preview reader takes it), with its absolute address. */
async function crop(file: PictureFile, size: Size, site: URL | undefined): Promise<Required<Pick<SizedPicture, 'url' | 'width' | 'height'>>> {
  const image = await getImage({ src: file, width: size.width, height: size.height, fit: 'cover', position: 'center', format: 'jpg', quality: 80, layout: 'none' });
  return { url: new URL(image.src, site ?? 'https://chronicle.example.org').href, width: size.width, height: size.height };
}

/**
 * The picture link previews show: a 1200×630 crop of a kept lead picture
 * (the pass has checked it is at least that large), or a site path or
 * address as written.
 */
export async function shareImageOf(article: ArticleSummary, site: URL | undefined): Promise<SizedPicture | undefined> {
  const lead = leadPictureOf(article);
  if (!lead) return undefined;
  if (isPictureFile(lead.src)) return { ...(await crop(lead.src, SHARE_CARD, site)), alt: lead.alt };
  const url = imageUrl(lead.src, site);
  return url ? { url, alt: lead.alt } : undefined;
}

/** The NewsArticle's pictures: a kept lead picture cut to 16:9, 4:3 and 1:1 (Google's shapes), else the one address written. */
export async function structuredDataImagesOf(article: ArticleSummary, site: URL | undefined): Promise<SizedPicture[]> {
  const lead = leadPictureOf(article);
  if (!lead) return [];
  if (isPictureFile(lead.src)) {
    const file = lead.src;
    return Promise.all(structuredDataCrops(file).map(async (size) => ({ ...(await crop(file, size, site)), alt: lead.alt })));
  }
  const url = imageUrl(lead.src, site);
  return url ? [{ url, alt: lead.alt }] : [];
}

const publicSizes = new Map<string, Size | undefined>();

/** The size of a file in `public/` (a site path), read once per build; undefined when there is no such picture. */
export function publicPictureSize(path: string): Size | undefined {
  if (!publicSizes.has(path)) {
    const file = join(root, 'public', decodeURI(path));
    let size: Size | undefined;
    try {
      size = existsSync(file) ? imageSize(readFileSync(file)) as Size : undefined;
    } catch {
      size = undefined;
    }
    publicSizes.set(path, size);
  }
  return publicSizes.get(path);
}
