import jsonld from 'jsonld';
import { VOCABULARY } from './structured-data.ts';

/**
 * A page's JSON-LD as a JSON-LD processor (jsonld.js) reads it: expanded
 * against schema.org's context, every type and property becomes a full
 * https://schema.org/ IRI. A term the context does not define is silently
 * dropped by expansion, so counting the terms before and after is what
 * catches a misspelt property.
 *
 * The context is served from memory, never fetched (tests make no
 * requests): schema.org's vocabulary as `schema-dts` lists it (generated
 * from schema.org's own definitions), each term mapped explicitly and no
 * `@vocab`, so an unknown term is dropped rather than invented under the
 * schema.org namespace.
 */

export const SCHEMA = 'https://schema.org/';

const context: Record<string, string> = {};
for (const type of VOCABULARY.types) context[type.replace(/^_(?=\d)/, '')] = `${SCHEMA}${type.replace(/^_(?=\d)/, '')}`;
for (const property of VOCABULARY.properties) {
  // schema.org's Actions annotate a property's input and output as `<property>-input` / `-output`.
  for (const term of [property, `${property}-input`, `${property}-output`]) context[term] = `${SCHEMA}${term}`;
}

/** The context documents a page may name; anything else would be a request, and fails. */
const CONTEXTS = new Set(['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/']);

async function documentLoader(url: string) {
  if (!CONTEXTS.has(url)) throw new Error(`the JSON-LD names a context that is not schema.org's: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': context } };
}

type Json = unknown;

/** How many terms (non-keyword keys, and `@type` values) a JSON-LD document uses. */
export function termsOf(value: Json, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) termsOf(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '@type') found.push(...[inner].flat().map(String));
      else if (!key.startsWith('@')) found.push(key);
      if (key !== '@context') termsOf(inner, found);
    }
  }
  return found;
}

export interface Expansion { expanded: Json[]; problems: string[] }

/** Expands one JSON-LD document; `problems` lists every term that was dropped or is not schema.org's. */
export async function expandJsonLd(document: Json): Promise<Expansion> {
  const expanded = (await jsonld.expand(document as object, { documentLoader })) as Json[];
  const problems: string[] = [];
  const before = termsOf(document);
  const after = termsOf(expanded);
  for (const iri of after) {
    if (!iri.startsWith(SCHEMA)) problems.push(`${iri} does not resolve to a schema.org IRI`);
  }
  if (after.length !== before.length) {
    const kept = new Set(after.map((iri) => (iri.startsWith(SCHEMA) ? iri.slice(SCHEMA.length) : iri)));
    const dropped = [...new Set(before.filter((term) => !kept.has(term)))];
    problems.push(`expansion kept ${after.length} of ${before.length} terms; dropped: ${dropped.join(', ')}`);
  }
  return { expanded, problems };
}

/** The full type IRIs of every node in an expanded graph. */
export function expandedTypes(expanded: Json): Set<string> {
  const types = new Set<string>();
  const walk = (value: Json) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '@type') for (const type of [inner].flat()) types.add(String(type));
        else walk(inner);
      }
    }
  };
  walk(expanded);
  return types;
}
