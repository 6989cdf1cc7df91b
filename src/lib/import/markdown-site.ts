import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { ImportError, type SourceArticle, type SourceLead, type SourcePlace, type SourceTopic } from './model.ts';

/**
 * What Hugo and Jekyll share: Markdown files with YAML (`---`) or TOML
 * (`+++`) frontmatter, read from a folder.
 */

export interface MarkdownFile {
  /** Path from the source folder, with `/`. */
  path: string;
  full: string;
  data: Record<string, unknown>;
  body: string;
  /** The line the body starts on, for the report. */
  bodyLine: number;
}

export const MARKDOWN_FILE = /\.(md|markdown|mdown|html)$/i;

export function walkFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith('.')) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walkFiles(full) : [full];
  });
}

/** Reads frontmatter in YAML or TOML; a file without frontmatter has none. A broken one stops the import. */
export function readMarkdownFile(full: string, root: string): MarkdownFile {
  const path = relative(root, full).split(sep).join('/');
  const text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  const fence = text.startsWith('+++') ? '\\+\\+\\+' : text.startsWith('---') ? '---' : undefined;
  if (!fence) return { path, full, data: {}, body: text, bodyLine: 1 };
  const match = new RegExp(`^${fence}[ \\t]*\\r?\\n([^]*?)\\r?\\n?^${fence}[ \\t]*(?:\\r?\\n|$)`, 'm').exec(text);
  if (!match || match.index !== 0) throw new ImportError(`${path}:1: the frontmatter is not closed (no second ${fence.replace(/\\/g, '')} line)`);
  let data: unknown;
  try {
    data = fence === '---' ? parseYaml(match[1] ?? '') : parseToml(match[1] ?? '');
  } catch (error) {
    const line = (error as { linePos?: [{ line: number }]; line?: number }).linePos?.[0]?.line ?? (error as { line?: number }).line;
    throw new ImportError(`${path}:${line ? line + 1 : 1}: the ${fence === '---' ? 'YAML' : 'TOML'} frontmatter cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
  const bodyLine = match[0].split('\n').length;
  return { path, full, data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, body: text.slice(match[0].length), bodyLine };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A frontmatter date (text, a YAML or TOML date) as ISO 8601, keeping its offset. */
export function looseDate(value: unknown): string | undefined {
  // smol-toml's dates print themselves as written, offset included (`2018-07-12T09:30:00.000+04:30`).
  if (value instanceof Date) return looseDate(value.toISOString().replace(/\.\d+/, ''));
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, zone] = match;
  const day = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
  if (h === undefined) return day;
  const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${day}T${pad(Number(h))}:${mi}:${s ?? '00'}${offset === '+00:00' ? 'Z' : offset}`;
}

export const textList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' && value.trim() ? [value] : []).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim()).filter(Boolean);

export const textField = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);

/** Categories and tags named in frontmatter, as topic keys, adding topics seen for the first time. */
export function frontmatterTopics(names: string[], kind: 'category' | 'tag', topics: Map<string, SourceTopic>): string[] {
  return names.map((name) => {
    const key = `${kind}:${name.toLowerCase()}`;
    if (!topics.has(key)) topics.set(key, { key, name, kind });
    return key;
  });
}

/** Fills a permalink pattern (`/:year/:month/:title/`); unknown placeholders stay, so the alias shows what is missing. */
export function fillPermalink(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (all, name: string) => values[name] ?? all).replace(/\/{2,}/g, '/');
}

const record = (value: unknown): Record<string, unknown> | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);

/**
 * The lead picture a post's frontmatter names, in the forms themes use:
 * `image` (a path, or `{ src | path | url | feature, alt, caption, credit }` as
 * jekyll-seo-tag and many themes write it), `featured_image`, Hugo's `images`
 * list and PaperMod's `cover`, Minimal Mistakes' `header.image`; with
 * `image_alt`, `image_caption`, `image_credit` beside a plain path.
 */
export function frontmatterLead(data: Record<string, unknown>): SourceLead | undefined {
  const header = record(data.header);
  const candidates: unknown[] = [data.image, data.featured_image, data.featuredImage, data.feature_image, textList(data.images)[0], data.cover, header && { src: header.image ?? header.overlay_image, caption: header.caption, alt: header.image_description }];
  for (const candidate of candidates) {
    const object = record(candidate);
    const address = textField(candidate) ?? (object && textField(object.src ?? object.path ?? object.url ?? object.image ?? object.feature));
    if (!address) continue;
    return {
      address,
      alt: textField(object?.alt) ?? textField(data.image_alt),
      caption: textField(object?.caption) ?? textField(data.image_caption),
      credit: textField(object?.credit) ?? textField(data.image_credit),
    };
  }
  return undefined;
}

/** The article fields both sources fill the same way. */
export function commonFields(file: MarkdownFile, place: SourcePlace, topics: Map<string, SourceTopic>): Omit<SourceArticle, 'pubDate' | 'slug' | 'permalinks' | 'draft'> {
  const { data } = file;
  return {
    place,
    title: textField(data.title) ?? file.path.split('/').pop()!.replace(MARKDOWN_FILE, ''),
    updatedDate: looseDate(data.lastmod ?? data.last_modified_at ?? data.updated),
    authors: [...textList(data.authors), ...textList(data.author)],
    excerpt: textField(data.description) ?? textField(data.summary) ?? textField(data.excerpt),
    lang: textField(data.lang) ?? textField(data.language) ?? /\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)\.\w+$/.exec(file.path)?.[1],
    categories: frontmatterTopics([...textList(data.categories), ...textList(data.category)], 'category', topics),
    tags: frontmatterTopics(textList(data.tags), 'tag', topics),
    body: { format: /\.html$/i.test(file.path) ? 'html' : 'markdown', text: file.body },
    lead: frontmatterLead(data),
  };
}
