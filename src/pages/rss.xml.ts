import type { APIRoute } from 'astro';
import { feedResponse } from '../data/feeds.ts';
import { getArchive } from '../data/archive.ts';
import { ui } from '../lib/i18n.ts';

/** The latest 50 articles of the whole archive. */
export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return feedResponse(site, { description: ui().siteTagline, path: '/', ids: archive.articles.map((a) => a.id) });
};
