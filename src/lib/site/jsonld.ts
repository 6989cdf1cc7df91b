/**
 * schema.org structured data (JSON-LD) for articles and entity pages.
 *
 * The builders are pure: they take plain facts with absolute URLs already
 * worked out, and return plain objects. `serializeJsonLd` is the only way
 * these objects reach a page, so no field can end the `<script>` block early.
 */

type Node = Record<string, unknown>;

/** An entity page on this site: a topic, person, organization or country. */
export interface LinkedThing {
  name: string;
  /** Absolute URL of its page here. */
  url: string;
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
  image?: { url: string; alt: string; credit?: string | undefined } | undefined;
  topics: readonly LinkedThing[];
  people: readonly LinkedThing[];
  organizations: readonly LinkedThing[];
  countries: readonly (LinkedThing & { code: string })[];
  corrections: readonly { date: Date; text: string }[];
  /** This archive, the publisher when the story has no original source. */
  site: { name: string; url: string };
}

const CONTEXT = 'https://schema.org';

/** An ISO 8601 date-time with its time zone (`Z`), as Google asks for. */
export const isoDateTime = (date: Date) => date.toISOString();

/** Leaves out keys whose value is undefined or an empty list, so the output stays honest. */
function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, value]) =>
    value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

const personRef = (thing: LinkedThing): Node => ({ '@type': 'Person', '@id': thing.url, name: thing.name, url: thing.url });
const organizationRef = (thing: LinkedThing): Node => ({ '@type': 'Organization', '@id': thing.url, name: thing.name, url: thing.url });
const countryRef = (thing: LinkedThing & { code: string }): Node =>
  ({ '@type': 'Country', '@id': thing.url, name: thing.name, identifier: thing.code.toUpperCase(), url: thing.url });

/** The head of a person's or organization's own page: the thing, whose page that URL is. */
const entityPage = (type: string, facts: LinkedThing): Node =>
  ({ '@context': CONTEXT, '@type': type, '@id': facts.url, url: facts.url, mainEntityOfPage: facts.url, name: facts.name });

/** The original publisher, with its home page when the story's address is known. */
function sourceOrganization(source: NonNullable<ArticleFacts['source']>): Node {
  return compact({ '@type': 'Organization', name: source.name, url: source.url ? new URL(source.url).origin : undefined });
}

/** Corrections newest first, the order the page shows them in. */
export function newestCorrectionsFirst<T extends { date: Date }>(corrections: readonly T[]): T[] {
  return [...corrections].sort((a, b) => b.date.getTime() - a.date.getTime());
}

/**
 * A NewsArticle: the fields Google's Article documentation recommends
 * (headline, image, dates, author) plus dateline, source, language, the
 * topics it is about, the people, organizations and countries it mentions,
 * and one CorrectionComment per correction.
 */
export function newsArticleJsonLd(facts: ArticleFacts): Node {
  const source = facts.source ? sourceOrganization(facts.source) : undefined;
  const site = { '@type': 'Organization', name: facts.site.name, url: facts.site.url };
  // Bylines when the file names them; otherwise the agency that wrote the story.
  const author = facts.authors?.length
    ? facts.authors.map((name) => ({ '@type': 'Person', name }))
    : source ? [source] : undefined;
  return compact({
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${facts.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': facts.url },
    url: facts.url,
    headline: facts.headline,
    description: facts.description,
    datePublished: isoDateTime(facts.datePublished),
    dateModified: isoDateTime(facts.dateModified),
    inLanguage: facts.lang,
    dateline: facts.dateline,
    articleSection: facts.section,
    keywords: facts.topics.map((topic) => topic.name),
    image: facts.image ? [compact({ '@type': 'ImageObject', url: facts.image.url, caption: facts.image.alt, creditText: facts.image.credit })] : undefined,
    author,
    publisher: source ?? site,
    sourceOrganization: source,
    isBasedOn: facts.source?.url,
    isPartOf: { '@type': 'WebSite', name: facts.site.name, url: facts.site.url },
    about: facts.topics.map((topic) => ({ '@type': 'Thing', '@id': topic.url, name: topic.name, url: topic.url })),
    mentions: [...facts.people.map(personRef), ...facts.organizations.map(organizationRef), ...facts.countries.map(countryRef)],
    correction: newestCorrectionsFirst(facts.corrections).map((c) => ({
      '@type': 'CorrectionComment', text: c.text, datePublished: isoDateTime(c.date),
    })),
  });
}

export interface PersonFacts {
  url: string;
  name: string;
  description?: string | undefined;
  role?: string | undefined;
  aliases?: readonly string[] | undefined;
  country?: (LinkedThing & { code: string }) | undefined;
}

export function personJsonLd(facts: PersonFacts): Node {
  return compact({
    ...entityPage('Person', facts),
    description: facts.description,
    jobTitle: facts.role,
    alternateName: facts.aliases ? [...facts.aliases] : undefined,
    nationality: facts.country ? countryRef(facts.country) : undefined,
  });
}

export interface OrganizationFacts {
  url: string;
  name: string;
  shortName?: string | undefined;
  description?: string | undefined;
  /** Its own website. */
  website?: string | undefined;
  country?: (LinkedThing & { code: string }) | undefined;
}

export function organizationJsonLd(facts: OrganizationFacts): Node {
  return compact({
    ...entityPage('Organization', facts),
    alternateName: facts.shortName,
    description: facts.description,
    sameAs: facts.website ? [facts.website] : undefined,
    location: facts.country ? countryRef(facts.country) : undefined,
  });
}

export interface CountryFacts {
  url: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  code: string;
  description?: string | undefined;
}

/** A Country is a schema.org Place. */
export function countryJsonLd(facts: CountryFacts): Node {
  return compact({
    '@context': CONTEXT,
    ...countryRef(facts),
    mainEntityOfPage: facts.url,
    description: facts.description,
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
