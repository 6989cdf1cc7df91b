import { ImportError, type SourceArchive, type SourceArticle, type SourceLead, type SourceTopic } from './model.ts';
import { attributeOf, child, elementLines, listOf, parseXml, textOf, type XmlNode } from './xml.ts';

/**
 * An RSS 2.0 or Atom feed: each item or entry is an article with its full
 * content when the feed has it (`content:encoded`, Atom `content`), else its
 * summary; its categories are read as tags (see topicKeys). A feed holds only its latest items, so
 * the report says how many there were.
 */

const ZONES: Record<string, string> = { UT: '+00:00', GMT: '+00:00', Z: '+00:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 (`Thu, 12 Jul 2018 09:30:00 +0430`) → ISO 8601 keeping the zone; ISO input is kept. */
export function feedDate(value: string): string | undefined {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return text.replace(/\.\d+/, '');
  const match = /^(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Z]{1,3})?$/i.exec(text);
  if (!match) return undefined;
  const [, day, monthName, yearText, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const year = yearText!.length === 2 ? `20${yearText}` : yearText;
  const offset = !zone ? 'Z' : /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : ZONES[zone.toUpperCase()];
  if (!offset) return undefined;
  const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');
  return `${year}-${pad(String(month))}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset === '+00:00' ? 'Z' : offset}`;
}

/**
 * A feed's categories as topic keys. A feed does not say which of its
 * categories are the site's categories and which its tags (WordPress's own
 * feed lists both as <category>), so they are read as tags and follow
 * `--tags`: topics by default, the articles' tags with `keep`, nothing with `drop`.
 */
function topicKeys(names: string[], topics: Map<string, SourceTopic>): string[] {
  return names.filter(Boolean).map((name) => {
    const key = `tag:${name.toLowerCase()}`;
    if (!topics.has(key)) topics.set(key, { key, name, kind: 'tag' });
    return key;
  });
}

const isPicture = (node: unknown) => /^image\//i.test(attributeOf(node, 'type')) || attributeOf(node, 'medium') === 'image';

/**
 * An item's lead picture, where the feed names one: Media RSS's
 * `<media:content medium="image">` (or inside `<media:group>`) with its
 * `<media:credit>` and `<media:description>`, `<media:thumbnail>`, an image
 * `<enclosure>`, or Atom's `<link rel="enclosure" type="image/…">`.
 */
function feedLead(item: unknown): SourceLead | undefined {
  const contents = [...listOf(child(item, 'media:content')), ...listOf(child(child(item, 'media:group'), 'media:content'))];
  const media = contents.find((c) => isPicture(c) || (!attributeOf(c, 'type') && !attributeOf(c, 'medium') && /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(attributeOf(c, 'url'))));
  const links = listOf(child(item, 'link')).filter((l) => attributeOf(l, 'rel') === 'enclosure' && isPicture(l)).map((l) => attributeOf(l, 'href'));
  const address = attributeOf(media, 'url') || attributeOf(listOf(child(item, 'media:thumbnail'))[0], 'url')
    || attributeOf(listOf(child(item, 'enclosure')).find(isPicture), 'url') || links[0];
  if (!address) return undefined;
  const credit = textOf(listOf(child(media, 'media:credit') ?? child(item, 'media:credit'))[0]).trim();
  const caption = textOf(child(media, 'media:description') ?? child(media, 'media:title')).trim();
  return { address, caption: caption || undefined, credit: credit || undefined };
}

function atomLink(entry: unknown): string {
  const links = listOf(child(entry, 'link'));
  const alternate = links.find((l) => !attributeOf(l, 'rel') || attributeOf(l, 'rel') === 'alternate') ?? links[0];
  return attributeOf(alternate, 'href') || textOf(alternate);
}

export function readFeed(xml: string, file: string): SourceArchive {
  const root = parseXml(xml, file);
  const rss = child(child(root, 'rss'), 'channel') ?? child(child(root, 'rdf:RDF'), 'channel');
  const atom = child(root, 'feed');
  if (!rss && !atom) throw new ImportError(`${file}: not an RSS 2.0 or Atom feed: expected <rss><channel> or <feed> at the top`);
  const topics = new Map<string, SourceTopic>();
  const articles: SourceArticle[] = [];
  const skipped: SourceArchive['skipped'] = [];

  if (rss) {
    const items = listOf(child(rss, 'item')) as XmlNode[];
    const lines = elementLines(xml, 'item');
    const lang = textOf(child(rss, 'language')) || undefined;
    items.forEach((item, index) => {
      const place = { file, line: lines[index] };
      const title = textOf(item.title).trim();
      const pubDate = feedDate(textOf(item.pubDate) || textOf(item['dc:date']));
      if (!pubDate) {
        skipped.push({ place, title: title || '(untitled)', why: `no date it could read (${JSON.stringify(textOf(item.pubDate))})` });
        return;
      }
      const link = textOf(listOf(item.link)[0]) || (attributeOf(item.guid, 'isPermaLink') !== 'false' ? textOf(item.guid) : '');
      const description = textOf(item.description);
      const content = textOf(item['content:encoded']);
      const creators = [...listOf(item['dc:creator']).map(textOf), ...listOf(item.author).map((a) => textOf(a).replace(/^\S+@\S+\s*\((.*)\)$/, '$1'))];
      articles.push({
        place,
        title: title || '(untitled)',
        pubDate,
        authors: [...new Set(creators.map((c) => c.trim()).filter(Boolean))],
        excerpt: content ? description || undefined : undefined,
        lang,
        draft: false,
        categories: [],
        tags: topicKeys(listOf(item.category).map((c) => textOf(c).trim()), topics),
        body: { format: 'html', text: content || description },
        permalinks: link ? [link] : [],
        lead: feedLead(item),
      });
    });
    const archive = { kind: 'feed' as const, siteTitle: textOf(child(rss, 'title')) || undefined, siteUrl: textOf(listOf(child(rss, 'link'))[0]) || undefined, articles, topics: [...topics.values()], attachments: [], skipped };
    return nonEmpty(archive, file, items.length);
  }

  const entries = listOf(child(atom, 'entry')) as XmlNode[];
  const lines = elementLines(xml, 'entry');
  const feedLang = attributeOf(atom, 'xml:lang') || undefined;
  entries.forEach((entry, index) => {
    const place = { file, line: lines[index] };
    const title = textOf(entry.title).trim();
    const published = feedDate(textOf(entry.published) || textOf(entry.updated));
    if (!published) {
      skipped.push({ place, title: title || '(untitled)', why: 'no <published> or <updated> date it could read' });
      return;
    }
    const updated = feedDate(textOf(entry.updated));
    const content = textOf(entry.content);
    const summary = textOf(entry.summary);
    // type="xhtml" content is XML inside the feed, which this reader does not keep: the summary stands in, and the report says so.
    const xhtml = attributeOf(entry.content, 'type') === 'xhtml';
    articles.push({
      place,
      title: title || '(untitled)',
      pubDate: published,
      updatedDate: updated && Date.parse(updated) > Date.parse(published) ? updated : undefined,
      authors: listOf(entry.author).map((a) => textOf(child(a, 'name')).trim()).filter(Boolean),
      excerpt: content ? summary || undefined : undefined,
      lang: attributeOf(entry, 'xml:lang') || feedLang,
      draft: false,
      categories: [],
      tags: topicKeys(listOf(entry.category).map((c) => (attributeOf(c, 'label') || attributeOf(c, 'term')).trim()), topics),
      body: { format: attributeOf(entry.content ?? entry.summary, 'type') === 'text' ? 'markdown' : 'html', text: content || summary },
      permalinks: atomLink(entry) ? [atomLink(entry)] : [],
      lead: feedLead(entry),
      notes: xhtml ? [{ kind: 'unconvertible', detail: 'the entry\'s content is XHTML, which the importer does not read; the summary was used' }] : undefined,
    });
  });
  const siteUrl = atomLink(atom) || undefined;
  return nonEmpty({ kind: 'feed', siteTitle: textOf(child(atom, 'title')) || undefined, siteUrl, articles, topics: [...topics.values()], attachments: [], skipped }, file, entries.length);
}

function nonEmpty(archive: SourceArchive, file: string, count: number): SourceArchive {
  if (count === 0) throw new ImportError(`${file}: the feed has no items; nothing to import`);
  if (archive.articles.length === 0) throw new ImportError(`${file}: none of the feed's ${count} items has a date it could read; nothing to import`);
  return archive;
}
