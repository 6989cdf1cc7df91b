/**
 * What every importer reads out of its source, before anything is converted
 * or written: one shape for WordPress, feeds, Hugo and Jekyll, so the later
 * steps (bodies, ids, pictures, files, report) exist once.
 */

export const IMPORT_KINDS = ['wordpress', 'feed', 'hugo', 'jekyll'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Where something came from, for the report: the source file and, when known, its line. */
export interface SourcePlace {
  file: string;
  line?: number | undefined;
}

export interface SourceArticle {
  place: SourcePlace;
  title: string;
  /** The source's own short name (WordPress post_name, a file name), used for the id when usable. */
  slug?: string | undefined;
  /** ISO 8601 with its offset (`2018-07-12T09:30:00+04:30`), or a day. */
  pubDate: string;
  updatedDate?: string | undefined;
  authors: string[];
  /** The source's excerpt or summary, as plain text or HTML. */
  excerpt?: string | undefined;
  lang?: string | undefined;
  draft: boolean;
  /** Keys into `SourceArchive.topics`. */
  categories: string[];
  tags: string[];
  body: { format: 'html' | 'markdown'; text: string };
  /** Old addresses: paths or absolute URLs. */
  permalinks: string[];
  /** WordPress's post id, for `?p=123` links. */
  postId?: string | undefined;
  /** The lead picture the source names (WordPress's featured image, a Hugo or Jekyll `image:`). */
  lead?: SourceLead | undefined;
  /** What the reader already knows needs a person (e.g. content it could not read). */
  notes?: Note[] | undefined;
}

/** A lead picture: its address as the source writes it, and what the source says about it (HTML for WordPress). */
export interface SourceLead {
  address: string;
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

export interface SourceTopic {
  key: string;
  name: string;
  slug?: string | undefined;
  description?: string | undefined;
  parentKey?: string | undefined;
  kind: 'category' | 'tag';
}

/** A picture the source describes (a WordPress attachment). */
export interface SourceAttachment {
  id: string;
  url: string;
  alt?: string | undefined;
  caption?: string | undefined;
  /** The photographer or agency, from the picture's own metadata (IPTC credit, which WordPress keeps). */
  credit?: string | undefined;
}

export interface SourceArchive {
  kind: ImportKind;
  /** The site's name, used for the topic of articles that have none. */
  siteTitle?: string | undefined;
  /** The address the old site lived at; relative links and pictures resolve against it. */
  siteUrl?: string | undefined;
  articles: SourceArticle[];
  topics: SourceTopic[];
  attachments: SourceAttachment[];
  /** Pages and other entries that are not articles: listed in the report, not imported. */
  skipped: { place: SourcePlace; title: string; why: string }[];
  /** For Markdown sources: the folder site paths (`/images/x.jpg`) are read from. */
  staticDir?: string | undefined;
  /** For Markdown sources: the folder an article's relative pictures are read from, by article. */
  articleDirs?: Map<SourceArticle, string> | undefined;
}

export type NoteKind =
  | 'missing-alt'
  | 'unknown-shortcode'
  | 'unconvertible'
  | 'failed-download'
  | 'small-lead'
  | 'id-collision'
  | 'edited'
  | 'check';

/** Something that needs a person, with the written file and the text to find its line by. */
export interface Note {
  kind: NoteKind;
  detail: string;
  /** Text in the written file whose first line is the line reported. */
  needle?: string | undefined;
}

/** A problem with the source itself: the import stops and writes nothing. */
export class ImportError extends Error {}
