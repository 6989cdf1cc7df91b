import { z } from 'astro/zod';
import { countryCode, entryId, frontmatter, stringList, text, webUrl } from './common.ts';

/** A topic, `content/topics/<id>.md`: the docs-style sections of the site. */
export const topicSchema = frontmatter(z.strictObject({
  title: text(120).describe('The topic\'s name.'),
  description: text(320).describe('One or two sentences on what the topic covers.'),
  parent: entryId.optional().describe('The parent topic\'s id; topics form the navigation tree. Cycles are errors.'),
  order: z.number({ error: (iss) => `got ${JSON.stringify(iss.input)}, expected a number` }).optional().describe('Position among its siblings (lower first); then by title.'),
}));

/** A person, `content/people/<id>.md`. */
export const personSchema = frontmatter(z.strictObject({
  name: text(120).describe('Full name as usually written in English.'),
  description: text(320).optional().describe('One factual line about who they are.'),
  role: text(160).optional().describe('Their role, e.g. "Foreign Ministry spokesman".'),
  country: countryCode.optional().describe('ISO 3166-1 alpha-2 code of their country.'),
  aliases: stringList.optional().describe('Other spellings of the name; searchable.'),
}));

/** An organization, `content/organizations/<id>.md`. */
export const organizationSchema = frontmatter(z.strictObject({
  name: text(160).describe('Full name.'),
  shortName: text(40).optional().describe('Abbreviation, e.g. "UN".'),
  description: text(320).optional().describe('One line about what it is.'),
  country: countryCode.optional().describe('ISO 3166-1 alpha-2 code of its seat.'),
  url: webUrl.optional().describe('Its website.'),
}));

/** Optional extra text for a country page, `content/countries/<code>.md`. */
export const countrySchema = frontmatter(z.strictObject({
  description: text(320).optional().describe('One line shown under the country\'s name.'),
}));

export type TopicData = z.output<typeof topicSchema>;
export type PersonData = z.output<typeof personSchema>;
export type OrganizationData = z.output<typeof organizationSchema>;
export type CountryData = z.output<typeof countrySchema>;
