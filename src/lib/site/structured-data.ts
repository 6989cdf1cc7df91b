/**
 * schema.org structured data for every page: one `@graph` per page, typed
 * with `schema-dts` (schema.org's vocabulary as TypeScript types), so a
 * misspelt property or a wrong type fails `npm run check`.
 *
 * Every page carries the WebSite (with its SearchAction) and the publisher
 * Organization, its own page node (WebPage, CollectionPage, ProfilePage…),
 * a BreadcrumbList below the home page, and what it shows: a list, an
 * article, a person. Ids are stable and name things, not pages: a person is
 * `…/people/jane-doe/#person`, the page about her `…/people/jane-doe/#webpage`,
 * and every page that names her uses the same id. Every id a node points at
 * is defined in the same graph.
 */
import type {
  BreadcrumbList, CollectionPage, Distance, Graph, ItemList, ListItem, Organization, ProfilePage, SearchAction, Thing,
  WebPage, WebSite, WithActionConstraints, ItemPage, SearchResultsPage,
} from 'schema-dts';
import { KINDS, type EntityKind } from '../core/kinds.ts';

export interface SiteFacts {
  /** Absolute URL of the home page, with the base path and a trailing slash. */
  url: string;
  name: string;
  lang: string;
  /** Absolute URL of the search page, without a query. */
  search: string;
  /** The publisher's logo (CHRONICLE_LOGO), at an absolute address with its size. */
  logo?: { url: string; width?: number | undefined; height?: number | undefined } | undefined;
}

/** The ids of the graph's nodes, in one place so every page writes them alike. */
export const nodeId = {
  website: (site: SiteFacts) => `${site.url}#website`,
  publisher: (site: SiteFacts) => `${site.url}#publisher`,
  page: (url: string) => `${url}#webpage`,
  breadcrumb: (url: string) => `${url}#breadcrumb`,
  list: (url: string) => `${url}#items`,
  article: (url: string) => `${url}#article`,
  /** The thing an entity page is about (`…/people/jane-doe/#person`), never the page itself. */
  entity: (kind: EntityKind, pageUrl: string) => `${pageUrl}#${KINDS[kind].singular}`,
};

/** A page or thing by name and absolute URL. */
export interface Named { name: string; url: string }

export type PageType = 'WebPage' | 'CollectionPage' | 'ProfilePage' | 'ItemPage' | 'SearchResultsPage';

/** What a template knows about its page beyond title and address. */
export interface PageGraphInput {
  type?: PageType | undefined;
  /** Pages between the home page and this one, outermost first. */
  trail?: readonly Named[] | undefined;
  /** The id of what the page is about (a person, an event). */
  mainEntity?: string | undefined;
  /** The id of the topic a collection is about. */
  about?: string | undefined;
  /** What the page lists, in order (its articles, entries, quotations). */
  items?: readonly ListEntry[] | undefined;
  /** Position of the first item in the whole list (pages 2, 3… of a listing). */
  offset?: number | undefined;
  /** Further nodes: the article, the entities it or the page names. */
  nodes?: readonly Thing[] | undefined;
}

/** One entry of a list: a page (name, URL), or a node shown in place (a quotation). */
export type ListEntry = Named | { item: Thing };

export interface PageFacts extends PageGraphInput {
  site: SiteFacts;
  /** Absolute canonical URL. */
  url: string;
  name: string;
  description: string;
  lang: string;
}

/** The site and how to search it: Google's sitelinks search box reads the SearchAction. */
function websiteNode(site: SiteFacts): WebSite {
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${site.search}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@type': 'WebSite', '@id': nodeId.website(site), url: site.url, name: site.name, inLanguage: site.lang,
    publisher: { '@id': nodeId.publisher(site) }, potentialAction: search,
  };
}

/**
 * A picture's size in pixels, as Google's structured data documentation
 * writes it (a number); schema.org types `width` and `height` as a Distance,
 * of which a plain number of pixels is the form search engines read.
 */
export const pixels = (value: number | undefined) => value as unknown as Distance | undefined;

function publisherNode(site: SiteFacts): Organization {
  const logo = site.logo ? { '@type': 'ImageObject' as const, url: site.logo.url, width: pixels(site.logo.width), height: pixels(site.logo.height) } : undefined;
  return { '@type': 'Organization', '@id': nodeId.publisher(site), name: site.name, url: site.url, logo };
}

function breadcrumbNode(facts: PageFacts): BreadcrumbList {
  const crumbs: Named[] = [{ name: facts.site.name, url: facts.site.url }, ...(facts.trail ?? []), { name: facts.name, url: facts.url }];
  return {
    '@type': 'BreadcrumbList', '@id': nodeId.breadcrumb(facts.url),
    itemListElement: crumbs.map((crumb, index): ListItem => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

function listNode(facts: PageFacts, items: readonly ListEntry[]): ItemList {
  const offset = facts.offset ?? 0;
  return {
    '@type': 'ItemList', '@id': nodeId.list(facts.url), numberOfItems: items.length,
    itemListElement: items.map((entry, index): ListItem => ('item' in entry
      ? { '@type': 'ListItem', position: offset + index + 1, item: entry.item }
      : { '@type': 'ListItem', position: offset + index + 1, name: entry.name, url: entry.url })),
  };
}

/** The page node, typed by what the page is; a listing's main entity is its list. */
function pageNode(facts: PageFacts, hasList: boolean, isHome: boolean): Thing {
  const ref = (id: string | undefined) => (id ? { '@id': id } : undefined);
  const common = {
    '@id': nodeId.page(facts.url), url: facts.url, name: facts.name, description: facts.description, inLanguage: facts.lang,
    isPartOf: { '@id': nodeId.website(facts.site) },
    breadcrumb: isHome ? undefined : { '@id': nodeId.breadcrumb(facts.url) },
    about: ref(facts.about),
    mainEntity: ref(facts.mainEntity ?? (hasList ? nodeId.list(facts.url) : undefined)),
  } satisfies Omit<WebPage & object, '@type'>;
  switch (facts.type ?? (hasList ? 'CollectionPage' : 'WebPage')) {
    case 'CollectionPage': return { '@type': 'CollectionPage', ...common } satisfies CollectionPage;
    case 'ProfilePage': return { '@type': 'ProfilePage', ...common } satisfies ProfilePage;
    case 'ItemPage': return { '@type': 'ItemPage', ...common } satisfies ItemPage;
    case 'SearchResultsPage': return { '@type': 'SearchResultsPage', ...common } satisfies SearchResultsPage;
    default: return { '@type': 'WebPage', ...common } satisfies WebPage;
  }
}

/** The page's whole graph. */
export function pageGraph(facts: PageFacts): Graph {
  const isHome = facts.url === facts.site.url;
  const hasList = facts.items !== undefined;
  const nodes: Thing[] = [websiteNode(facts.site), publisherNode(facts.site), pageNode(facts, hasList, isHome)];
  if (!isHome) nodes.push(breadcrumbNode(facts));
  if (facts.items) nodes.push(listNode(facts, facts.items));
  nodes.push(...(facts.nodes ?? []));
  return { '@context': 'https://schema.org', '@graph': nodes.map(compact) };
}

/** Leaves out keys whose value is undefined or an empty list, so the output says only what is known. */
export function compact<T>(node: T): T {
  if (Array.isArray(node)) return node.map(compact) as T;
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => [key, compact(value)])) as T;
}
