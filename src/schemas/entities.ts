import { z } from 'astro/zod';
import { countryCode, entryId, frontmatter, stringList, text, webUrl } from './common.ts';

/** A topic, `content/topics/<id>.md`: the docs-style sections of the site. */
export const topicSchema = frontmatter(z.strictObject({
  /** The topic's name. */
  title: text(120),
  /** One or two sentences on what the topic covers. */
  description: text(320),
  /** The parent topic's id; topics form the navigation tree. Cycles are errors. */
  parent: entryId.optional(),
  /** Position among its siblings (lower first); then by title. */
  order: z.number({ error: (iss) => `got ${JSON.stringify(iss.input)}, expected a number` }).optional(),
}));

/** A person, `content/people/<id>.md`. */
export const personSchema = frontmatter(z.strictObject({
  /** Full name as usually written in English. */
  name: text(120),
  /** One factual line about who they are. */
  description: text(320).optional(),
  /** Their role, e.g. "Foreign Ministry spokesman". */
  role: text(160).optional(),
  /** ISO 3166-1 alpha-2 code of their country. */
  country: countryCode.optional(),
  /** Other spellings of the name; searchable. */
  aliases: stringList.optional(),
}));

/** An organization, `content/organizations/<id>.md`. */
export const organizationSchema = frontmatter(z.strictObject({
  /** Full name. */
  name: text(160),
  /** Abbreviation, e.g. "UN". */
  shortName: text(40).optional(),
  /** One line about what it is. */
  description: text(320).optional(),
  /** ISO 3166-1 alpha-2 code of its seat. */
  country: countryCode.optional(),
  /** Its website. */
  url: webUrl.optional(),
}));

/** Optional extra text for a country page, `content/countries/<code>.md`. */
export const countrySchema = frontmatter(z.strictObject({
  /** One line shown under the country's name. */
  description: text(320).optional(),
}));

export type TopicData = z.output<typeof topicSchema>;
export type PersonData = z.output<typeof personSchema>;
export type OrganizationData = z.output<typeof organizationSchema>;
export type CountryData = z.output<typeof countrySchema>;
