import { extname } from 'node:path';

/**
 * Pictures kept with the content: beside an article (`articles/2018/07/slug/`
 * holds `index.md` and `lead.jpg`) or in the shared `images/` folder. These
 * are the formats Astro's image pipeline (Sharp) reads and browsers show;
 * anything else that looks like a picture is refused with a way forward,
 * rather than reaching the page as a file no browser draws.
 */
export const PICTURE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif'] as const;

/** The folder under content/ that holds pictures shared by several articles. */
export const SHARED_PICTURES = 'images';

/** Files that are pictures in some other format: HEIC from phones, TIFF and BMP from scanners, … */
const OTHER_PICTURES = /\.(heic|heif|tiff?|bmp|jfif|jxl|psd|raw|cr2|nef|ico|svg)$/i;

export const isPictureFile = (path: string) => (PICTURE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());

/** Why a file under content/ that is a picture in another format cannot be used, or undefined. */
export function pictureFormatProblem(path: string): string | undefined {
  if (!OTHER_PICTURES.test(path)) return undefined;
  return `is a ${extname(path).slice(1).toUpperCase()} picture, a format the site cannot optimise or every browser show; save it as ${PICTURE_EXTENSIONS.map((e) => e.slice(1).toUpperCase()).filter((e) => e !== 'JPEG').join(', ')} instead`;
}
