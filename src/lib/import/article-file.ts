import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { idFromTitle } from '../authoring/scaffold.ts';
import type { SourceArchive, SourceTopic } from './model.ts';

/**
 * The text of the files an import writes: an article's frontmatter and body,
 * a topic file. Values are written as JSON strings, which YAML reads as
 * double-quoted text, so a title with a colon or a quote needs no care.
 */

export const MAX_DESCRIPTION = 320;

const yamlString = (value: string) => JSON.stringify(value);
const yamlList = (values: readonly string[]) => `[${values.map((v) => (/^[a-z0-9][a-z0-9/-]*$/.test(v) ? v : yamlString(v))).join(', ')}]`;

/** Plain text of a piece of HTML, spaces collapsed. */
export function htmlText(html: string): string {
  return toText(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ').trim();
}

/** Plain text of one Markdown paragraph: links keep their words, pictures and markup go. */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\\([\\`*_{}[\]()#+.!-])/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first paragraph of prose in a Markdown body: not a heading, picture, figure, list, quote, table or code. */
export function firstParagraph(markdown: string): string {
  const withoutFences = markdown.replace(/^(```|~~~)[^]*?^\1[ \t]*$/gm, '');
  for (const block of withoutFences.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (!trimmed || /^(#|<|!\[|[-*+] |\d+[.)] |>|\||\[[^\]]*\]\([^)]*\)$|\{\{|\{%)/.test(trimmed)) continue;
    const text = markdownText(trimmed);
    if (text) return text;
  }
  return '';
}

/** At most 320 characters, ending at a sentence when one ends in time, else at a word with "…". */
export function cutDescription(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_DESCRIPTION) return clean;
  const head = clean.slice(0, MAX_DESCRIPTION);
  const sentenceEnds = [...head.matchAll(/[.!?؟。…](?=\s)/g)].map((m) => m.index + 1);
  const end = sentenceEnds.at(-1);
  if (end && end > 40) return head.slice(0, end);
  const word = head.slice(0, MAX_DESCRIPTION - 1).lastIndexOf(' ');
  return `${head.slice(0, word > 40 ? word : MAX_DESCRIPTION - 1).trimEnd()}…`;
}

/** A topic id: a slug that starts with a letter. */
export function topicId(topic: SourceTopic): string {
  let decoded = topic.slug ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch { /* kept as written */ }
  const id = idFromTitle(decoded) || idFromTitle(topic.name) || 'topic';
  return /^[a-z]/.test(id) ? id : `topic-${id}`;
}

export interface TopicFile {
  id: string;
  title: string;
  description: string;
  parent?: string | undefined;
}

export function topicText(topic: TopicFile): string {
  const lines = [`title: ${yamlString(topic.title.slice(0, 120))}`, `description: ${yamlString(cutDescription(topic.description))}`];
  if (topic.parent) lines.push(`parent: ${topic.parent}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** An article's tags as labels (`--tags keep`): the source's names as plain text, at most 80 characters, none twice. */
export function tagNames(keys: readonly string[], archive: SourceArchive): string[] {
  const byKey = new Map(archive.topics.map((topic) => [topic.key, topic]));
  const seen = new Set<string>();
  const names: string[] = [];
  for (const key of keys) {
    const topic = byKey.get(key);
    const name = topic ? (htmlText(topic.name) || topic.name.trim()).slice(0, 80).trim() : '';
    if (!name || seen.has(name.toLocaleLowerCase())) continue;
    seen.add(name.toLocaleLowerCase());
    names.push(name);
  }
  return names;
}

export interface ArticleFile {
  title: string;
  description: string;
  pubDate: string;
  updatedDate?: string | undefined;
  authors: string[];
  lang?: string | undefined;
  topics: string[];
  tags?: string[] | undefined;
  image?: { src: string; alt: string; caption?: string | undefined; credit?: string | undefined } | undefined;
  aliases: string[];
  draft: boolean;
  body: string;
}

export function articleText(article: ArticleFile): string {
  const lines = [
    `title: ${yamlString(article.title.replace(/\s+/g, ' ').trim().slice(0, 200))}`,
    `description: ${yamlString(article.description)}`,
    `pubDate: ${article.pubDate}`,
  ];
  if (article.updatedDate) lines.push(`updatedDate: ${article.updatedDate}`);
  if (article.authors.length) lines.push(`authors: [${article.authors.map(yamlString).join(', ')}]`);
  if (article.lang) lines.push(`lang: ${article.lang}`);
  lines.push(`topics: ${yamlList(article.topics)}`);
  if (article.tags?.length) lines.push(`tags: [${article.tags.map(yamlString).join(', ')}]`);
  if (article.image) {
    const { src, alt, caption, credit } = article.image;
    lines.push('image:', `  src: ${yamlString(src)}`, `  alt: ${yamlString(alt)}`);
    if (caption) lines.push(`  caption: ${yamlString(caption)}`);
    if (credit) lines.push(`  credit: ${yamlString(credit)}`);
  }
  if (article.aliases.length) lines.push('aliases:', ...article.aliases.map((alias) => `  - ${yamlString(alias)}`));
  if (article.draft) lines.push('draft: true');
  const body = article.body.trim();
  return `---\n${lines.join('\n')}\n---\n${body ? `\n${body}\n` : ''}`;
}

/** An article's id inside its month folder (`2018/07/`), from the source's slug or the title. */
export function articleSlug(slug: string | undefined, title: string, fallback: string): string {
  let decoded = slug ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch { /* kept as written */ }
  return idFromTitle(decoded) || idFromTitle(title) || fallback;
}

/**
 * An old address as an alias path: the path of an absolute URL (its query
 * dropped), with characters outside plain URL text percent-encoded, the way
 * browsers send them.
 */
export function aliasPath(permalink: string, siteUrl: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(permalink, siteUrl ?? 'http://old.invalid/');
  } catch {
    return undefined;
  }
  const path = url.pathname.split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch { /* kept */ }
    return encodeURIComponent(decoded).replace(/%2B/g, '+');
  }).join('/');
  if (path === '/' || /(^|\/)\.\.?(\/|$)/.test(path)) return undefined;
  return path;
}
