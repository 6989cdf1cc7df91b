/**
 * Embedded players and posts (YouTube, X/Twitter, Vimeo…) become a plain link
 * with a title: a third-party frame would tell that site who reads the page,
 * and the build refuses it (src/lib/content/body-safety.ts).
 */

export interface EmbedLink {
  url: string;
  title: string;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url.trim().replace(/^\/\//, 'https://'));
  } catch {
    return undefined;
  }
}

const YOUTUBE_ID = /^[\w-]{6,20}$/;

/** A YouTube video id from any of its address forms, or an id given alone. */
export function youtubeId(value: string): string | undefined {
  const trimmed = value.trim();
  if (YOUTUBE_ID.test(trimmed) && !trimmed.includes('.')) return trimmed;
  const url = parse(trimmed);
  if (!url) return undefined;
  const host = url.hostname.replace(/^(www|m)\./, '');
  let id: string | null | undefined;
  if (host === 'youtu.be') id = url.pathname.slice(1).split('/')[0];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id = url.searchParams.get('v') ?? /^\/(?:embed|shorts|v|live)\/([^/?#]+)/.exec(url.pathname)?.[1];
  }
  return id && YOUTUBE_ID.test(id) ? id : undefined;
}

/** The link an embed becomes; `title` is the source's own title for it when it has one. */
export function embedLink(address: string, title?: string): EmbedLink | undefined {
  const given = title?.replace(/\s+/g, ' ').trim();
  const video = youtubeId(address);
  if (video && /youtu/i.test(address)) return { url: `https://www.youtube.com/watch?v=${video}`, title: given || 'Video on YouTube' };
  const url = parse(address);
  if (!url || !/^https?:$/.test(url.protocol)) return undefined;
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'twitter.com' || host === 'x.com' || host === 'mobile.twitter.com') {
    const user = /^\/([^/]+)\/status/.exec(url.pathname)?.[1];
    return { url: url.href, title: given || (user ? `Post by @${user} on X` : 'Post on X') };
  }
  if (host === 'player.vimeo.com' || host === 'vimeo.com') {
    const id = /(\d{4,})/.exec(url.pathname)?.[1];
    return { url: id ? `https://vimeo.com/${id}` : url.href, title: given || 'Video on Vimeo' };
  }
  return { url: url.href, title: given || `Embedded content from ${host}` };
}

/** The same link as a Markdown line. */
export function embedMarkdown(link: EmbedLink): string {
  return `[${link.title.replace(/([[\]\\])/g, '\\$1')}](${link.url.replace(/[()\s]/g, encodeURIComponent)})`;
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same link as HTML, for sources whose body is still HTML. */
export function embedHtml(link: EmbedLink): string {
  return `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.title)}</a></p>`;
}

export { escapeHtml };
