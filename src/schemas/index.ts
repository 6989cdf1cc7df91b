/*
 * A field's documentation is its `.describe()` text and nothing else: the
 * JSON Schemas (`npm run schemas`), the editor's hover hints and the guide's
 * field tables all read it, so it is written once, with no doc-comment copy.
 */
import type { z } from 'astro/zod';
import { KIND_NAMES, KINDS, type KindName } from '../lib/core/kinds.ts';
import { articleSchema } from './article.ts';
import { eventSchema } from './event.ts';
import { countrySchema, organizationSchema, personSchema, topicSchema } from './entities.ts';

/** The schema of each kind in the registry (src/lib/core/kinds.ts): a kind without one does not type-check. */
export const SCHEMAS = {
  articles: articleSchema,
  events: eventSchema,
  topics: topicSchema,
  people: personSchema,
  organizations: organizationSchema,
  countries: countrySchema,
} as const satisfies Record<KindName, z.ZodType>;

export type CollectionName = KindName;
export const COLLECTION_NAMES = KIND_NAMES;

type Collections = { [K in KindName]: { pattern: (typeof KINDS)[K]['pattern']; schema: (typeof SCHEMAS)[K] } };

/** Every collection of the content model, with its file pattern and schema. */
export const COLLECTIONS = Object.fromEntries(
  KIND_NAMES.map((name) => [name, { pattern: KINDS[name].pattern, schema: SCHEMAS[name] }]),
) as Collections;

export { articleSchema, eventSchema, countrySchema, organizationSchema, personSchema, topicSchema };
