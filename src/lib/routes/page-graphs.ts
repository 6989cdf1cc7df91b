/**
 * What each template adds to its page's structured data (src/lib/site/
 * structured-data.ts), worked out from the archive: the entity nodes with
 * their absolute URLs, an article's NewsArticle, a listing's items.
 */
import type { Person, Quotation } from 'schema-dts';
import type { Archive, ArticleSummary } from '../model/archive.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import type { LedgerQuote } from '../model/quote-ledger.ts';
import { namedIds, recordName } from '../model/records.ts';
import { KINDS, kindSpec, NAMED_KINDS, type EntityKind } from '../core/kinds.ts';
import { articlePath, entityPath, quoteHref, searchPath } from '../core/urls.ts';
import { countryName } from '../core/countries.ts';
import { ui } from '../core/i18n/index.ts';
import { SITE_LANGUAGE } from '../core/language.ts';
import { entityNodes, entityRef, newsArticleNodes, type EntityFacts } from '../site/jsonld.ts';
import type { ListEntry, Named, PageGraphInput, SiteFacts } from '../site/structured-data.ts';
import { absoluteUrl } from './site-urls.ts';
import { getArchive } from './load-archive.ts';
import { getStandards } from './page-facts.ts';
import { leadPictureOf, structuredDataImagesOf } from './lead-picture.ts';
import { siteLogo } from './site-logo.ts';

export function siteFacts(site: URL | undefined): SiteFacts {
  return { url: absoluteUrl('/', site), name: ui().siteName, lang: SITE_LANGUAGE, search: absoluteUrl(searchPath(SITE_LANGUAGE, []), site), logo: siteLogo(site) };
}

/**
 * An entity's facts, when it has a page here (undefined otherwise: no node
 * points at a page that does not exist). A person's or organization's
 * country comes along when that country has a page.
 */
export function entityFacts(archive: Archive, kind: EntityKind, id: string, site: URL | undefined): EntityFacts | undefined {
  const record = archive.entities.get(kind)?.get(kind === 'countries' ? id.toLowerCase() : id);
  if (!record) return undefined;
  const data = record.data as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const iso = (key: string) => (data[key] as { iso?: string } | undefined)?.iso;
  const shortName = text('shortName');
  const aliases = Array.isArray(data.aliases) ? (data.aliases as string[]) : shortName ? [shortName] : undefined;
  const country = text('country');
  return {
    kind,
    name: kind === 'countries' ? countryName(record.id.toUpperCase()) : recordName(record),
    url: absoluteUrl(entityPath(kind, record.id), site),
    description: text('description'),
    role: text('role'),
    aliases,
    website: text('url'),
    code: KINDS[kind].ids === 'country' ? record.id : undefined,
    start: iso('date'),
    end: iso('end'),
    country: country && kind !== 'countries' ? entityFacts(archive, 'countries', country, site) : undefined,
  };
}

/** Entity pages: a ProfilePage for a person, organization or country, a page about a topic or an event otherwise. */
export async function entityGraph(kind: EntityKind, id: string, articleIds: readonly string[], offset: number, site: URL | undefined): Promise<PageGraphInput> {
  const archive = await getArchive();
  const facts = entityFacts(archive, kind, id, site);
  if (!facts) return { items: articleItems(archive, articleIds, site), offset };
  const type = kindSpec(kind).schemaType ?? 'Thing';
  const profile = type === 'Person' || type === 'Organization' || type === 'Country';
  return {
    type: profile ? 'ProfilePage' : 'CollectionPage',
    ...(type === 'Thing' ? { about: entityRef(facts)['@id'] } : { mainEntity: entityRef(facts)['@id'] }),
    trail: [kindIndex(kind, site)],
    items: articleItems(archive, articleIds, site),
    offset,
    nodes: entityNodes(facts),
  };
}

/** The index of a kind (`/people/`), as a breadcrumb. */
export function kindIndex(kind: EntityKind, site: URL | undefined): Named {
  const label = (ui() as unknown as Record<string, string | undefined>)[kind] ?? kind;
  return { name: label, url: absoluteUrl(`/${kind}/`, site) };
}

/** The pages of listed articles, in the order shown. */
export function articleItems(archive: Archive, ids: readonly string[], site: URL | undefined): ListEntry[] {
  return ids.flatMap((id) => {
    const article = archive.articleById.get(id);
    return article ? [{ name: article.title, url: absoluteUrl(articlePath(id), site) }] : [];
  });
}

/** An article page: the NewsArticle, what it is about and what it names. */
export async function articleGraph(article: ArticleSummary, site: URL | undefined): Promise<PageGraphInput> {
  const archive = await getArchive();
  const { articles } = await getStandards();
  const facts = (kind: EntityKind, ids: readonly string[]) => ids.flatMap((id) => entityFacts(archive, kind, id, site) ?? []);
  const topics = facts('topics', article.topics);
  const mentions = NAMED_KINDS.filter((kind) => kind !== 'topics').flatMap((kind) => facts(kind, namedIds(article.data, kind)));
  const lead = leadPictureOf(article);
  const images = (await structuredDataImagesOf(article, site)).map((image) => ({ ...image, caption: lead?.caption, credit: lead?.credit }));
  const nodes = newsArticleNodes({
    url: absoluteUrl(articlePath(article.id), site),
    headline: article.title,
    description: article.description,
    datePublished: article.pubDate,
    dateModified: articles.get(article.id)?.modified ?? article.updatedDate ?? article.pubDate,
    lang: article.lang,
    dateline: article.dateline,
    section: topics[0]?.name,
    authors: article.data.authors,
    source: article.source,
    images,
    topics, mentions,
    corrections: article.data.corrections ?? [],
    site: siteFacts(site),
  });
  const first = topics[0];
  return {
    type: 'ItemPage',
    mainEntity: (nodes[0] as { '@id': string })['@id'],
    trail: first ? [kindIndex('topics', site), { name: first.name, url: first.url }] : [],
    nodes,
  };
}

/** The section a page below a section's index belongs to (`/people/x/` → People), as its breadcrumb trail. */
export function sectionTrail(canonical: string, site: URL | undefined): Named[] {
  const home = absoluteUrl('/', site);
  if (!canonical.startsWith(home)) return [];
  const segments = canonical.slice(home.length).split('/').filter(Boolean);
  const section = segments[0];
  if (!section || segments.length < 2) return [];
  if (Object.hasOwn(KINDS, section) && section !== 'articles') return [kindIndex(section as EntityKind, site)];
  const t = ui();
  const labels: Record<string, string> = { timeline: t.navTimeline, archive: t.navArchive, quotes: t.navQuotes, guide: t.navGuide, search: t.searchTitle };
  const label = labels[section];
  return label ? [{ name: label, url: absoluteUrl(`/${section}/`, site) }] : [];
}

/** An entity page's graph from its page-1 path (`/people/x/`), which names the kind and the id. */
export function entityGraphOfPath(path: string, articleIds: readonly string[], offset: number, site: URL | undefined): Promise<PageGraphInput> {
  const [kind, id] = path.split('/').filter(Boolean);
  if (!kind || !id || !Object.hasOwn(KINDS, kind) || kind === 'articles') return Promise.resolve({ items: [], offset });
  return entityGraph(kind as EntityKind, decodeURIComponent(id), articleIds, offset, site);
}

/** Timeline entries as list items: an event's page, or the article (the one an inline event is written in). */
export function timelineItems(entries: readonly TimelineEntry[], site: URL | undefined): ListEntry[] {
  return entries.map((entry) => ({
    name: entry.title,
    url: absoluteUrl(entry.kind === 'event' ? entityPath('events', entry.id) : articlePath(entry.id), site),
  }));
}

/** Quotations as list items, each a Quotation node said by a Person node of this graph, in its article. */
export async function quoteItems(quotes: readonly LedgerQuote[], site: URL | undefined): Promise<ListEntry[]> {
  const archive = await getArchive();
  return quotes.map((quote) => {
    const speaker = entityFacts(archive, 'people', quote.speaker, site);
    // The speaker in full but for their country, which would be one more node to define.
    const [person] = speaker ? entityNodes({ ...speaker, country: undefined }) : [];
    const item: Quotation = {
      '@type': 'Quotation',
      text: quote.text,
      dateCreated: quote.date.iso,
      url: absoluteUrl(quoteHref(quote.article, quote.id), site),
      spokenByCharacter: person as Person | undefined,
    };
    return { item };
  });
}
