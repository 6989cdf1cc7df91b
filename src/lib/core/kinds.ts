/**
 * The kinds of content Chronicle knows, in one registry: every list of
 * collections in the pipeline (validation, the archive model, URLs, cache
 * keys, the sitemap, the search index, the scaffold) reads it. A kind's
 * Zod schema is registered beside it in `src/schemas/index.ts`, which must
 * name one for every kind here (the type checker says so); its label in each
 * language is the interface string named after it (`people`: "People"), and
 * its pages are the routes under `src/pages/<kind>/`.
 *
 * Browser-safe: plain data, no imports.
 */
export interface KindSpec {
  /** The noun for one entry, in messages and `npm run new`: `unknown person "x"`. */
  singular: string;
  /** The files its folder holds (`content/<kind>/`), as a glob. */
  pattern: string;
  /**
   * How a file's name gives its id: `path` (folders kept, `2018/07/slug`),
   * `slug` (lower-case letters, digits, dashes) or `country` (an ISO 3166-1 code).
   */
  ids: 'path' | 'slug' | 'country';
  /** The frontmatter field of articles and events that names entries of this kind. */
  namedBy?: string;
  /** The attribute of `<Timeline>` that picks this kind's timeline (`person="…"`). */
  timelineAttribute?: string;
  /** Each entry has a page at `/<kind>/<id>/`, listed in an index at `/<kind>/`. */
  pages: boolean;
  /** Each entry's page carries its timeline. */
  timeline: boolean;
  /** Each entry has an RSS feed at `/<kind>/<id>/rss.xml`. */
  feed: boolean;
  /** Each entry has a quotes page at `/<kind>/<id>/quotes/`. */
  quotes: boolean;
  /** `npm run new` can create one. */
  scaffold: boolean;
  /** The schema.org type of an entry in structured data (`Person`); `Thing` when not given. */
  schemaType?: 'Person' | 'Organization' | 'Country' | 'Event' | 'Thing';
}

export const KINDS = {
  articles: { singular: 'article', pattern: '**/*.{md,mdx}', ids: 'path', pages: true, timeline: false, feed: false, quotes: false, scaffold: true },
  events: { singular: 'event', pattern: '*.md', ids: 'slug', namedBy: 'events', pages: true, timeline: false, feed: false, quotes: false, scaffold: true, schemaType: 'Event' },
  topics: { singular: 'topic', pattern: '*.md', ids: 'slug', namedBy: 'topics', timelineAttribute: 'topic', pages: true, timeline: true, feed: true, quotes: true, scaffold: true },
  people: { singular: 'person', pattern: '*.md', ids: 'slug', namedBy: 'people', timelineAttribute: 'person', pages: true, timeline: true, feed: true, quotes: true, scaffold: true, schemaType: 'Person' },
  organizations: { singular: 'organization', pattern: '*.md', ids: 'slug', namedBy: 'organizations', timelineAttribute: 'organization', pages: true, timeline: true, feed: true, quotes: false, scaffold: true, schemaType: 'Organization' },
  countries: { singular: 'country', pattern: '*.md', ids: 'country', namedBy: 'countries', timelineAttribute: 'country', pages: true, timeline: true, feed: true, quotes: false, scaffold: false, schemaType: 'Country' },
} as const satisfies Record<string, KindSpec>;

export type KindName = keyof typeof KINDS;
/** Every kind but articles: the things articles name, each with pages of its own. */
export type EntityKind = Exclude<KindName, 'articles'>;
/** The kinds whose pages carry a timeline. */
export type TimelineKind = { [K in KindName]: (typeof KINDS)[K]['timeline'] extends true ? K : never }[KindName];
/** The kinds with a quotes page per entry. */
export type QuotesKind = { [K in KindName]: (typeof KINDS)[K]['quotes'] extends true ? K : never }[KindName];

/**
 * The lists and look-ups derived from a registry. The site uses `KINDS`; a
 * test that adds a kind derives them from its own registry the same way.
 */
export function deriveKinds<R extends Record<string, KindSpec>>(kinds: R) {
  const names = Object.keys(kinds) as (keyof R & string)[];
  const where = (test: (spec: KindSpec) => boolean) => names.filter((name) => test(kinds[name]!));
  return {
    KIND_NAMES: names,
    /** Every kind but articles: the things articles name, each with pages of its own. */
    ENTITY_KINDS: where((spec) => spec.ids !== 'path'),
    TIMELINE_KINDS: where((spec) => spec.timeline),
    /** Kinds that articles name in a frontmatter list (the `events` list also holds inline events). */
    NAMED_KINDS: where((spec) => spec.namedBy !== undefined),
    isKind: (name: string): name is keyof R & string => Object.hasOwn(kinds, name),
    /** The kind a singular noun names (`person` → `people`), for `npm run new`. */
    kindOfSingular: (singular: string) => names.find((name) => kinds[name]!.singular === singular),
  };
}

const derived = deriveKinds(KINDS);
export const KIND_NAMES = derived.KIND_NAMES as readonly KindName[];
export const ENTITY_KINDS = derived.ENTITY_KINDS as readonly EntityKind[];
export const TIMELINE_KINDS = derived.TIMELINE_KINDS as readonly TimelineKind[];
export const NAMED_KINDS = derived.NAMED_KINDS as readonly EntityKind[];
export const { isKind, kindOfSingular } = derived;

/** A kind's entry, as the general shape (for code that handles every kind alike). */
export const kindSpec = (name: KindName): KindSpec => KINDS[name];
