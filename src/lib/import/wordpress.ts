import { ImportError, type SourceArchive, type SourceArticle, type SourceAttachment, type SourceTopic } from './model.ts';
import { attributeOf, child, elementLines, listOf, parseXml, textOf, type XmlNode } from './xml.ts';

/**
 * A WordPress export (WXR, Tools → Export): posts become articles, pages are
 * listed, attachments give pictures their alt text and captions, categories
 * (with their parents) and tags become topics.
 */

const UNPUBLISHED = new Set(['draft', 'pending', 'private', 'future']);
/** Never meant to be read: the trash, autosaves, menus, revisions. */
const NOT_CONTENT = new Set(['trash', 'auto-draft', 'inherit']);

/** `2018-07-12 09:30:00` local and its GMT twin → `2018-07-12T09:30:00+04:30`; without GMT, the local time alone. */
export function wordpressDate(local: string, gmt: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(local.trim());
  if (!match || match[1]!.startsWith('0000')) return undefined;
  const at = `${match[1]}T${match[2]}`;
  const gmtMatch = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(gmt.trim());
  if (!gmtMatch || gmtMatch[1]!.startsWith('0000')) return at;
  const minutes = Math.round((Date.parse(`${at}Z`) - Date.parse(`${gmtMatch[1]}T${gmtMatch[2]}Z`)) / 60_000);
  if (minutes === 0) return `${at}Z`;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${at}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const BLOCK = /^<\/?(?:figure|p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|hr|dl|dd|dt|section|iframe|form|address|!--)/i;

/**
 * WordPress keeps classic-editor posts without paragraph tags and adds them
 * when it shows a post (wpautop): blank lines part paragraphs, a single line
 * break is a <br>. Block-editor posts already have their tags.
 */
export function autoParagraphs(html: string): string {
  if (html.includes('<!-- wp:') || !html.trim()) return html;
  const pre: string[] = [];
  const kept = html.replace(/<pre[\s>][^]*?<\/pre>/gi, (block) => `\u0000${pre.push(block) - 1}\u0000`);
  return kept
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) || /^\u0000\d+\u0000$/.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n')
    .replace(/\u0000(\d+)\u0000/g, (_all, index: string) => pre[Number(index)]!);
}

/**
 * The IPTC credit WordPress read from an uploaded picture, in the attachment's
 * `_wp_attachment_metadata` (PHP's serialize format: `s:6:"credit";s:10:"Jane Smith";`,
 * each string prefixed by its length in UTF-8 bytes).
 */
export function attachmentCredit(metadata: string | undefined): string | undefined {
  const match = metadata && /s:6:"credit";s:(\d+):"/.exec(metadata);
  if (!match) return undefined;
  const bytes = Buffer.from(metadata.slice(match.index + match[0].length), 'utf8');
  return bytes.subarray(0, Number(match[1])).toString('utf8').trim() || undefined;
}

function metaValue(item: unknown, key: string): string | undefined {
  const meta = listOf(child(item, 'wp:postmeta')).find((m) => textOf(child(m, 'wp:meta_key')) === key);
  return meta ? textOf(child(meta, 'wp:meta_value')) : undefined;
}

export function readWordPress(xml: string, file: string): SourceArchive {
  const root = parseXml(xml, file);
  const channel = child(child(root, 'rss'), 'channel');
  if (!channel || !textOf(child(channel, 'wp:wxr_version'))) {
    throw new ImportError(`${file}: not a WordPress export (WXR) file: it has no <wp:wxr_version> in <rss><channel>. Export one from WordPress with Tools → Export → All content.`);
  }
  const siteUrl = textOf(child(channel, 'wp:base_blog_url')) || textOf(child(channel, 'link')) || undefined;
  const siteLang = textOf(child(channel, 'language')) || undefined;

  const authors = new Map<string, string>();
  for (const author of listOf(child(channel, 'wp:author'))) {
    const login = textOf(child(author, 'wp:author_login'));
    const name = textOf(child(author, 'wp:author_display_name')) || login;
    if (login) authors.set(login, name);
  }

  const topics: SourceTopic[] = [];
  for (const category of listOf(child(channel, 'wp:category'))) {
    const slug = textOf(child(category, 'wp:category_nicename'));
    topics.push({
      key: `category:${slug}`,
      slug,
      name: textOf(child(category, 'wp:cat_name')) || slug,
      description: textOf(child(category, 'wp:category_description')) || undefined,
      parentKey: textOf(child(category, 'wp:category_parent')) ? `category:${textOf(child(category, 'wp:category_parent'))}` : undefined,
      kind: 'category',
    });
  }
  for (const tag of listOf(child(channel, 'wp:tag'))) {
    const slug = textOf(child(tag, 'wp:tag_slug'));
    topics.push({ key: `tag:${slug}`, slug, name: textOf(child(tag, 'wp:tag_name')) || slug, description: textOf(child(tag, 'wp:tag_description')) || undefined, kind: 'tag' });
  }
  const known = new Set(topics.map((t) => t.key));

  const items = listOf(child(channel, 'item')) as XmlNode[];
  const lines = elementLines(xml, 'item');
  /** Featured pictures by article, resolved once every attachment is read (an attachment may come after its post). */
  const thumbnails = new Map<SourceArticle, string>();
  const archive: SourceArchive = { kind: 'wordpress', siteTitle: textOf(child(channel, 'title')) || undefined, siteUrl, articles: [], topics, attachments: [], skipped: [] };

  items.forEach((item, index) => {
    const place = { file, line: lines[index] };
    const type = textOf(item['wp:post_type']) || 'post';
    const status = textOf(item['wp:status']) || 'publish';
    const id = textOf(item['wp:post_id']);
    const title = textOf(item.title).trim();
    if (type === 'attachment') {
      const attachment: SourceAttachment = {
        id,
        url: textOf(item['wp:attachment_url']) || textOf(item.guid),
        alt: metaValue(item, '_wp_attachment_image_alt')?.trim() || undefined,
        caption: textOf(item['excerpt:encoded']).trim() || undefined,
        credit: attachmentCredit(metaValue(item, '_wp_attachment_metadata')),
      };
      if (attachment.url) archive.attachments.push(attachment);
      return;
    }
    if (type !== 'post' || NOT_CONTENT.has(status)) {
      if (type === 'page' || type === 'post') {
        archive.skipped.push({ place, title: title || `(${type} ${id})`, why: type === 'page' ? `a page (${status}), not an article` : `a post in the ${status} state` });
      } else if (!['nav_menu_item', 'revision', 'customize_changeset', 'oembed_cache', 'wp_global_styles', 'custom_css'].includes(type)) {
        archive.skipped.push({ place, title: title || `(${type} ${id})`, why: `a "${type}" entry, not an article` });
      }
      return;
    }
    const pubDate = wordpressDate(textOf(item['wp:post_date']), textOf(item['wp:post_date_gmt']))
      ?? (textOf(item.pubDate) ? new Date(textOf(item.pubDate)).toISOString().replace('.000Z', 'Z') : undefined);
    if (!pubDate) throw new ImportError(`${file}:${place.line}: the post "${title}" has no date (<wp:post_date>)`);
    const updated = wordpressDate(textOf(item['wp:post_modified']), textOf(item['wp:post_modified_gmt']));
    const categories: string[] = [];
    const tags: string[] = [];
    let lang: string | undefined;
    for (const category of listOf(item.category)) {
      const domain = attributeOf(category, 'domain');
      const slug = attributeOf(category, 'nicename');
      const key = `${domain === 'post_tag' ? 'tag' : 'category'}:${slug}`;
      if (domain === 'language') lang = slug; // Polylang keeps a post's language as a term
      if (domain !== 'category' && domain !== 'post_tag') continue;
      if (!known.has(key)) {
        known.add(key);
        topics.push({ key, slug, name: textOf(category) || slug, kind: domain === 'post_tag' ? 'tag' : 'category' });
      }
      (domain === 'post_tag' ? tags : categories).push(key);
    }
    const author = textOf(listOf(item['dc:creator'])[0]);
    const link = textOf(listOf(item.link)[0]);
    const article: SourceArticle = {
      place,
      title: title || '(untitled)',
      slug: textOf(item['wp:post_name']) || undefined,
      pubDate,
      updatedDate: updated && Date.parse(updated.length > 19 ? updated : `${updated}Z`) > Date.parse(pubDate.length > 19 ? pubDate : `${pubDate}Z`) ? updated : undefined,
      authors: author ? [authors.get(author) ?? author] : [],
      excerpt: textOf(item['excerpt:encoded']) || undefined,
      lang: lang ?? siteLang,
      draft: UNPUBLISHED.has(status),
      categories,
      tags,
      body: { format: 'html', text: textOf(item['content:encoded']) },
      permalinks: link && status === 'publish' ? [link] : [],
      postId: id || undefined,
    };
    const thumbnail = metaValue(item, '_thumbnail_id')?.trim();
    if (thumbnail) thumbnails.set(article, thumbnail);
    archive.articles.push(article);
  });
  const byId = new Map(archive.attachments.map((a) => [a.id, a]));
  for (const [article, id] of thumbnails) {
    const picture = byId.get(id);
    if (picture) article.lead = { address: picture.url, alt: picture.alt, caption: picture.caption, credit: picture.credit };
    else (article.notes ??= []).push({ kind: 'failed-download', detail: `the featured picture (attachment ${id}) is not in the export, so the article has no lead picture` });
  }
  if (archive.articles.length === 0) {
    throw new ImportError(`${file}: the export has no posts (${items.length} entries, none of them a post); export "All content" or "Posts" from WordPress`);
  }
  return archive;
}
