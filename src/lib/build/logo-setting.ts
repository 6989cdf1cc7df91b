import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';

/**
 * CHRONICLE_LOGO: the publisher's logo in structured data, a site path to a
 * picture in `public/` (default `/logo.png`, the Chronicle mark at 512×512).
 */
export function logoPath(env: Record<string, string | undefined> = process.env): string {
  const value = env.CHRONICLE_LOGO?.trim() || '/logo.png';
  return value.startsWith('/') ? value : `/${value}`;
}

/**
 * Why the setting cannot be published, or undefined when it names a picture.
 * Checked once before anything is built, so a wrong path is one clear line
 * rather than an error from the first page that reads it.
 */
export function logoProblem(publicDir: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const path = logoPath(env);
  const file = join(publicDir, decodeURI(path));
  let picture = false;
  try {
    picture = existsSync(file) && imageSize(readFileSync(file)).width > 0;
  } catch {
    picture = false;
  }
  if (picture) return undefined;
  return `CHRONICLE_LOGO: got ${JSON.stringify(env.CHRONICLE_LOGO ?? '')}, which is not a picture in public/ (${path}); expected the path of one, e.g. "/logo.png"`;
}
