import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/routes/site-urls.ts';

/** Everything may be crawled; the sitemap index lives under the deployment base. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
