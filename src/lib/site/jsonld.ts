/**
 * schema.org nodes for what the archive holds: articles (NewsArticle) and
 * the things they name (Person, Organization, Country, Event, topics as
 * Thing). They go into a page's one graph (structured-data.ts).
 *
 * The builders are pure: they take plain facts with absolute URLs already
 * worked out, and return typed plain objects. `serializeJsonLd` is the only
 * way these objects reach a page, so no field can end the `<script>` block early.
 */
import type { CorrectionComment, NewsArticle, Organization, Person, Thing } from 'schema-dts';
import { kindSpec, type EntityKind } from '../core/kinds.ts';
import { dayOrDateTime } from '../core/time-zones.ts';
import { compact, nodeId, pixels, type SiteFacts } from './structured-data.ts';

/** A thing the archive has a page for: its kind, name and the absolute URL of its page. */
export interface EntityFacts {
  kind: EntityKind;
  name: string;
  /** Absolute URL of its page here. */
  url: string;
  description?: string | undefined;
  /** A person's role. */
  role?: string | undefined;
  /** Other names: a person's aliases, an organization's short name. */
  aliases?: readonly string[] | undefined;
  /** Its own website (an organization's). */
  website?: string | undefined;
  /** A country's ISO code. */
  code?: string | undefined;
  /** An event's dates, at their precision (`2015`, `2018-05`, `2018-05-08`). */
  start?: string | undefined;
  end?: string | undefined;
  /** The country a person is from or an organization is seated in, when it has a page here. */
  country?: EntityFacts | undefined;
}

export const entityRef = (facts: EntityFacts) => ({ '@id': nodeId.entity(facts.kind, facts.url) });

/**
 * The node for an entity, with an id of its own (`…/people/x/#person`),
 * never its page's URL: the graph says the page is about the person, not
 * that it is the person. Its country, if any, is a node of the same graph.
 */
export function entityNodes(facts: EntityFacts): Thing[] {
  const common = { '@id': nodeId.entity(facts.kind, facts.url), name: facts.name, url: facts.url, description: facts.description };
  const country = facts.country ? entityRef(facts.country) : undefined;
  let node: Thing;
  switch (kindSpec(facts.kind).schemaType ?? 'Thing') {
    case 'Person':
      node = { '@type': 'Person', ...common, jobTitle: facts.role, alternateName: facts.aliases ? [...facts.aliases] : undefined, nationality: country } satisfies Person;
      break;
    case 'Organization':
      node = { '@type': 'Organization', ...common, alternateName: facts.aliases ? [...facts.aliases] : undefined, sameAs: facts.website, location: country } satisfies Organization;
      break;
    case 'Country':
      node = { '@type': 'Country', ...common, identifier: facts.code?.toUpperCase() };
      break;
    case 'Event':
      node = { '@type': 'Event', ...common, startDate: facts.start, endDate: facts.end };
      break;
    default:
      node = { '@type': 'Thing', ...common };
  }
  return [node, ...(facts.country ? entityNodes(facts.country) : [])];
}

/** One picture of an article, at an absolute address. */
export interface ArticleImage {
  url: string;
  alt: string;
  width?: number | undefined;
  height?: number | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

export interface ArticleFacts {
  /** Absolute canonical URL of the article. */
  url: string;
  headline: string;
  description: string;
  datePublished: Date;
  /** The last change: never before `datePublished`. */
  dateModified: Date;
  /** BCP 47 tag. */
  lang: string;
  dateline?: string | undefined;
  /** The first topic's title. */
  section?: string | undefined;
  authors?: readonly string[] | undefined;
  /** The original publisher. */
  source?: { name: string; url?: string | undefined } | undefined;
  /** The lead picture in the shapes Google asks for (16:9, 4:3, 1:1), or as written. */
  images?: readonly ArticleImage[] | undefined;
  /** What it is about. */
  topics: readonly EntityFacts[];
  /** The people, organizations, countries and events it names. */
  mentions: readonly EntityFacts[];
  corrections: readonly { date: Date; text: string }[];
  /** This archive, the publisher when the story has no original source. */
  site: SiteFacts;
}

/** The original publisher, with its home page when the story's address is known. */
function sourceOrganization(source: NonNullable<ArticleFacts['source']>): Organization {
  return compact({ '@type': 'Organization', name: source.name, url: source.url ? new URL(source.url).origin : undefined });
}

/** Corrections newest first, the order the page shows them in. */
export function newestCorrectionsFirst<T extends { date: Date }>(corrections: readonly T[]): T[] {
  return [...corrections].sort((a, b) => b.date.getTime() - a.date.getTime());
}

/**
 * A NewsArticle: the fields Google's Article documentation recommends
 * (headline, image, dates, author) plus dateline, source, language, the
 * topics it is about and the things it mentions (as ids of nodes in the
 * same graph, returned after it), and one CorrectionComment per correction.
 * A date written without a time is published as that day (`2018-07-12`).
 */
export function newsArticleNodes(facts: ArticleFacts): Thing[] {
  const source = facts.source ? sourceOrganization(facts.source) : undefined;
  // Bylines when the file names them; otherwise the agency that wrote the story.
  const author = facts.authors?.length
    ? facts.authors.map((name): Person => ({ '@type': 'Person', name }))
    : source ? [source] : undefined;
  const article: NewsArticle = {
    '@type': 'NewsArticle',
    '@id': nodeId.article(facts.url),
    mainEntityOfPage: { '@id': nodeId.page(facts.url) },
    url: facts.url,
    headline: facts.headline,
    description: facts.description,
    datePublished: dayOrDateTime(facts.datePublished),
    dateModified: dayOrDateTime(facts.dateModified),
    inLanguage: facts.lang,
    dateline: facts.dateline,
    articleSection: facts.section,
    keywords: facts.topics.map((topic) => topic.name),
    image: facts.images?.map((image) => compact({
      '@type': 'ImageObject' as const, url: image.url, width: pixels(image.width), height: pixels(image.height),
      caption: image.caption ?? image.alt, creditText: image.credit,
    })),
    author,
    publisher: source ?? { '@id': nodeId.publisher(facts.site) },
    sourceOrganization: source,
    isBasedOn: facts.source?.url,
    isPartOf: { '@id': nodeId.website(facts.site) },
    about: facts.topics.map(entityRef),
    mentions: facts.mentions.map(entityRef),
    correction: newestCorrectionsFirst(facts.corrections).map((c): CorrectionComment => ({
      '@type': 'CorrectionComment', text: c.text, datePublished: dayOrDateTime(c.date),
    })),
  };
  const things = [...facts.topics, ...facts.mentions].flatMap(entityNodes);
  return [compact(article), ...uniqueById(things)];
}

/** Each node once, the first of the same id kept. */
export function uniqueById(nodes: readonly Thing[]): Thing[] {
  const seen = new Set<string>();
  return nodes.filter((node) => {
    const id = (node as { '@id'?: string })['@id'];
    if (!id) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * JSON for a `<script type="application/ld+json">` block. `<`, `>` and `&`
 * become \u escapes, so `</script>` or `<!--` in a headline cannot end or
 * confuse the block, and U+2028/U+2029 are escaped for old JavaScript parsers.
 * JSON.parse reads every escape back to the original character.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
