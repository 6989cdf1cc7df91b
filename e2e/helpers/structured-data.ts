import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Parser } from 'htmlparser2';

/**
 * Reads a page's JSON-LD the way a structured-data processor does and
 * checks it against schema.org's vocabulary, as `schema-dts` (generated
 * from schema.org's own definitions) lists it: every `@type` a schema.org
 * type, every property one schema.org defines, every `@id` a node points
 * at defined in the same graph, the properties each type needs present.
 */

export type Node = Record<string, unknown>;

const dts = readFileSync(join(dirname(createRequire(import.meta.url).resolve('schema-dts/package.json')), 'dist/schema.d.ts'), 'utf8');
/** schema.org's types and properties. */
export const VOCABULARY = {
  types: new Set([...dts.matchAll(/^export type (\w+) = /gm)].map((m) => m[1]!)),
  properties: new Set([...dts.matchAll(/^ {4}"([\w-]+)"\??: /gm)].map((m) => m[1]!)),
};

/** What Google's structured data documentation (and the issue) require of each type used. */
const REQUIRED: Record<string, string[]> = {
  WebSite: ['@id', 'name', 'url', 'potentialAction', 'publisher'],
  Organization: ['name'],
  BreadcrumbList: ['@id', 'itemListElement'],
  ItemList: ['@id', 'itemListElement', 'numberOfItems'],
  ListItem: ['position'],
  NewsArticle: ['@id', 'headline', 'datePublished', 'dateModified', 'publisher', 'mainEntityOfPage'],
  Person: ['name'],
  Country: ['name'],
  Event: ['@id', 'name', 'startDate', 'url'],
  Quotation: ['text', 'spokenByCharacter'],
  SearchAction: ['target', 'query-input'],
  WebPage: ['@id', 'url', 'name', 'isPartOf'],
};
const PAGE_TYPES = new Set(['WebPage', 'CollectionPage', 'ProfilePage', 'ItemPage', 'SearchResultsPage']);
const DATE_PROPERTIES = new Set(['datePublished', 'dateModified', 'startDate', 'endDate', 'dateCreated']);
const DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** The text of every JSON-LD block in a page. */
export function jsonLdBlocks(html: string): string[] {
  const blocks: string[] = [];
  let current: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) { if (name === 'script' && attributes.type === 'application/ld+json') current = ''; },
    ontext(text) { if (current !== undefined) current += text; },
    onclosetag(name) { if (name === 'script' && current !== undefined) { blocks.push(current); current = undefined; } },
  });
  parser.write(html);
  parser.end();
  return blocks;
}

function walk(value: unknown, visit: (node: Node, key: string) => void, key = '') {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit, key));
  else if (value && typeof value === 'object') {
    visit(value as Node, key);
    for (const [k, v] of Object.entries(value)) walk(v, visit, k);
  }
}

export interface PageGraph { nodes: Node[]; byId: Map<string, Node>; problems: string[] }

/** The page's one graph, and every way it breaks the vocabulary or itself. */
export function readGraph(html: string, canonical: string): PageGraph {
  const problems: string[] = [];
  const blocks = jsonLdBlocks(html);
  if (blocks.length !== 1) return { nodes: [], byId: new Map(), problems: [`${blocks.length} JSON-LD blocks, expected one @graph`] };
  const doc = JSON.parse(blocks[0]!) as Node;
  if (doc['@context'] !== 'https://schema.org') problems.push(`@context is ${JSON.stringify(doc['@context'])}`);
  const nodes = doc['@graph'] as Node[];
  if (!Array.isArray(nodes)) return { nodes: [], byId: new Map(), problems: [...problems, 'no @graph'] };
  const byId = new Map<string, Node>();
  const referenced = new Set<string>();
  walk(nodes, (node) => {
    const keys = Object.keys(node);
    const id = node['@id'];
    if (typeof id === 'string') {
      if (keys.length === 1) referenced.add(id);
      else byId.set(id, { ...byId.get(id), ...node });
    }
    const types = [node['@type']].flat().filter((t): t is string => typeof t === 'string');
    for (const type of types) if (!VOCABULARY.types.has(type)) problems.push(`@type ${type} is not a schema.org type`);
    for (const key of keys) {
      if (key.startsWith('@')) continue;
      if (!VOCABULARY.properties.has(key) && !/^[a-z]\w*-(input|output)$/.test(key)) problems.push(`${types.join(',')}.${key} is not a schema.org property`);
      if (DATE_PROPERTIES.has(key) && (typeof node[key] !== 'string' || !DATE.test(node[key] as string))) problems.push(`${types.join(',')}.${key} is not an ISO 8601 date: ${JSON.stringify(node[key])}`);
    }
    for (const type of types) {
      for (const property of REQUIRED[PAGE_TYPES.has(type) ? 'WebPage' : type] ?? []) {
        if (node[property] === undefined) problems.push(`${type} ${String(id ?? '')} has no ${property}`);
      }
    }
  });
  for (const id of referenced) if (!byId.has(id)) problems.push(`@id ${id} is pointed at but not defined`);
  const page = nodes.find((node) => PAGE_TYPES.has(node['@type'] as string));
  if (!page) problems.push('no page node');
  else if (page.url !== canonical) problems.push(`the page node's url ${String(page.url)} is not the canonical ${canonical}`);
  if (!nodes.some((n) => n['@type'] === 'WebSite')) problems.push('no WebSite');
  return { nodes, byId, problems };
}

/** The first node of a type in the graph. */
export const nodeOfType = (graph: PageGraph, type: string) => graph.nodes.find((node) => node['@type'] === type);
