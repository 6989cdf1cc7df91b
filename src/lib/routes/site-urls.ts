import { joinBase } from '../core/urls.ts';

/** A site path with the deployment base (`CHRONICLE_BASE`) in front. */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** An absolute URL on the published site, for canonical links, feeds and JSON-LD. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(href(path), site ?? 'https://chronicle.example.org').href;
}

export { PAGE_SIZE } from '../model/timeline-pages.ts';
