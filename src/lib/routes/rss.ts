import rss from '@astrojs/rss';
import { feedItems, FEED_SIZE } from '../site/feed-items.ts';
import { articlePath } from '../core/urls.ts';
import { SITE_LANGUAGE } from '../core/language.ts';
import { ui } from '../core/i18n/index.ts';
import { getArchive } from './load-archive.ts';
import { absoluteUrl } from './site-urls.ts';
import { SITE_TIME_ZONE } from './site-time-zone.ts';

interface Channel {
  /** The channel's name after the site name; none for the site feed. */
  name?: string;
  description: string;
  /** Base-less path of the HTML page this feed follows. */
  path: string;
  /** Article ids, newest first. */
  ids: readonly string[];
}

/** An RSS 2.0 feed of the latest articles of a listing, with its own address as atom:link self. */
export async function feedResponse(site: URL | undefined, channel: Channel): Promise<Response> {
  const archive = await getArchive();
  const t = ui();
  const articles = channel.ids.slice(0, FEED_SIZE).map((id) => archive.articleById.get(id)!).filter(Boolean);
  const self = absoluteUrl(`${channel.path}rss.xml`, site);
  const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return rss({
    title: channel.name ? `${t.siteName}: ${channel.name}` : t.siteName,
    description: channel.description,
    site: absoluteUrl(channel.path, site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${SITE_LANGUAGE}</language><atom:link href="${escapeAttribute(self)}" rel="self" type="application/rss+xml"/>`,
    items: feedItems(articles, (id) => absoluteUrl(articlePath(id), site), (id) => archive.topics.get(id)?.data.title ?? id, SITE_TIME_ZONE),
  });
}
