/*
 * A field's documentation is its `.describe()` text and nothing else: the
 * JSON Schemas (`npm run schemas`), the editor's hover hints and the guide's
 * field tables all read it, so it is written once, with no doc-comment copy.
 */
import { articleSchema } from './article.ts';
import { eventSchema } from './event.ts';
import { countrySchema, organizationSchema, personSchema, topicSchema } from './entities.ts';

/** Every collection of the content model, with its folder, file pattern and schema. */
export const COLLECTIONS = {
  articles: { pattern: '**/*.{md,mdx}', schema: articleSchema },
  events: { pattern: '*.md', schema: eventSchema },
  topics: { pattern: '*.md', schema: topicSchema },
  people: { pattern: '*.md', schema: personSchema },
  organizations: { pattern: '*.md', schema: organizationSchema },
  countries: { pattern: '*.md', schema: countrySchema },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export { articleSchema, eventSchema, countrySchema, organizationSchema, personSchema, topicSchema };
