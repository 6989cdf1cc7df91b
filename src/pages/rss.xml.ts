import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/routes/rss.ts';
import { ui } from '../lib/core/i18n/index.ts';

/** The latest 50 articles of the whole archive. */
export const GET: APIRoute = async ({ site, locals }) => {
  const { archive } = locals.chronicle;
  return feedResponse(site, { description: ui().siteTagline, path: '/', ids: archive.articles.map((a) => a.id) });
};
