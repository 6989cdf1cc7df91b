import { absoluteUrl } from './site-urls.ts';
import { publicPictureSize } from './lead-picture.ts';

/**
 * The publisher's logo in structured data: CHRONICLE_LOGO, a site path to a
 * picture in `public/` (default `/logo.png`, the Chronicle mark at 512×512).
 * A setting that names no picture stops the build rather than publishing a
 * logo that does not load.
 */
export const SITE_LOGO = process.env.CHRONICLE_LOGO?.trim() || '/logo.png';

export function siteLogo(site: URL | undefined): { url: string; width: number; height: number } {
  const path = SITE_LOGO.startsWith('/') ? SITE_LOGO : `/${SITE_LOGO}`;
  const size = publicPictureSize(path);
  if (!size) throw new Error(`CHRONICLE_LOGO: got ${JSON.stringify(SITE_LOGO)}, expected the path of a picture in public/ (e.g. "/logo.png")`);
  return { url: absoluteUrl(path, site), ...size };
}
