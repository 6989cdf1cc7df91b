import { absoluteUrl } from './site-urls.ts';
import { publicPictureSize } from './lead-picture.ts';
import { logoPath } from '../build/logo-setting.ts';

/**
 * The publisher's logo in structured data, at an absolute address with its
 * size. The setting was checked before the build started (logo-setting.ts),
 * so a missing picture here means `public/` changed during the build.
 */
export function siteLogo(site: URL | undefined): { url: string; width: number; height: number } {
  const path = logoPath();
  const size = publicPictureSize(path);
  if (!size) throw new Error(`CHRONICLE_LOGO: ${path} is no longer a picture in public/`);
  return { url: absoluteUrl(path, site), ...size };
}
