import { z } from 'astro/zod';
import {
  countryCodes, dateTime, timeZone, entryId, frontmatter, entryIds, imageSource, languageTag, stringList, text, urlPath, webUrl,
} from './common.ts';
import { checkSpan, eventFields } from './event.ts';
import { namedLists } from './named-lists.ts';

/** An event written inside an article instead of in `content/events/`. */
export const inlineEventSchema = z.strictObject(eventFields).superRefine(checkSpan);

/** The original publisher of a story. */
export const sourceSchema = z.strictObject({
  /** The publisher's name, e.g. "Tasnim News Agency". */
  name: text(200).describe('The publisher\'s name, e.g. "Tasnim News Agency".'),
  /** The original story's address. */
  url: webUrl.optional().describe('The original story\'s address.'),
});

/** A picture shown at the top of the article. */
export const imageSchema = z.strictObject({
  /** Path under `public/` or an https:// URL. */
  src: imageSource.describe('Path under `public/` or an https:// URL.'),
  /** What the picture shows, for readers who cannot see it. Required with `src`. */
  alt: text(400).describe('What the picture shows, for readers who cannot see it. Required with `src`.'),
  /** Photographer or agency. */
  credit: text(200).optional().describe('Photographer or agency.'),
});

/** A correction notice, shown newest first. */
export const correctionSchema = z.strictObject({
  /** When the correction was made. */
  date: dateTime.describe('When the correction was made.'),
  /** What was wrong and what is right now. */
  text: text(1000).describe('What was wrong and what is right now.'),
});

/** A news article, `content/articles/**\/*.md(x)`. */
export const articleSchema = frontmatter(z.strictObject({
  /** The headline, 1–200 characters. */
  title: text(200).describe('The headline, 1–200 characters.'),
  /** The standfirst: one or two sentences used in lists, feeds, meta tags and search results. */
  description: text(320).describe('The standfirst: one or two sentences used in lists, feeds, meta tags and search results.'),
  /** First publication: a date or an ISO 8601 date-time. */
  pubDate: dateTime.describe('First publication: a date or an ISO 8601 date-time.'),
  /** Last substantive update; not before `pubDate`. */
  updatedDate: dateTime.optional().describe('Last substantive update; not before `pubDate`.'),
  /** The time zone a date without a time is read in (noon there, where a format needs a time); the site's setting by default. */
  timezone: timeZone.optional().describe('The time zone a date without a time is read in (noon there, where a format needs a time), e.g. `Asia/Tehran`; defaults to the site\'s `CHRONICLE_TIMEZONE`.'),
  /** Where the story was filed, e.g. `TEHRAN`. */
  dateline: text(80).optional().describe('Where the story was filed, e.g. `TEHRAN`.'),
  /** The original publisher. */
  source: sourceSchema.optional().describe('The original publisher.'),
  /** Bylines. */
  authors: stringList.optional().describe('Bylines.'),
  /** BCP 47 language tag; defaults to the site's language. `fa`, `ar`, `he`, `ur` render right to left. */
  lang: languageTag.optional().describe('BCP 47 language tag; defaults to the site\'s language. `fa`, `ar`, `he`, `ur` render right to left.'),
  /** Topic ids (at least one); each must exist in `content/topics/`. */
  topics: entryIds.refine((ids) => ids.length > 0, { error: 'required: at least one topic' })
    .meta({ description: 'Topic ids (at least one); each must exist in `content/topics/`.', minItems: 1 }),
  // `people`, `organizations` and any other kind the registry lists (src/lib/core/kinds.ts).
  ...namedLists((kind, folder) => `${kind} ids; each must exist in \`content/${folder}/\`.`),
  /** ISO 3166-1 alpha-2 codes, upper case. */
  countries: countryCodes.optional().describe('ISO 3166-1 alpha-2 codes, upper case.'),
  /** Event ids from `content/events/`, or inline events `{ date, title, … }`. */
  events: z.array(z.union([entryId, inlineEventSchema]), {
    error: (iss) => (iss.code === 'invalid_type' ? 'expected a list of event ids or { date, title } events' : undefined),
  }).optional().describe('Event ids from `content/events/`, or inline events `{ date, title, … }`.'),
  /** A lead picture. */
  image: imageSchema.optional().describe('A lead picture.'),
  /** Correction notices. */
  corrections: z.array(correctionSchema).optional().describe('Correction notices.'),
  /** Old URL paths of this article; each redirects here. */
  aliases: z.array(urlPath).optional().describe('Old URL paths of this article; each redirects here.'),
  /** The id of the article this one translates. */
  translationOf: entryId.optional().describe('The id of the article this one translates.'),
  /** Drafts show in the dev server and are never built. */
  draft: z.boolean({ error: (iss) => `got ${JSON.stringify(iss.input)}, expected true or false` }).default(false).describe('Drafts show in the dev server and are never built.'),
}).superRefine((value, ctx) => {
  if (value.updatedDate && value.updatedDate < value.pubDate) {
    ctx.addIssue({
      code: 'custom', path: ['updatedDate'],
      message: `${value.updatedDate.toISOString()} is before pubDate ${value.pubDate.toISOString()}; expected a date on or after pubDate`,
    });
  }
}));

export type ArticleData = z.output<typeof articleSchema>;
export type InlineEventData = z.output<typeof inlineEventSchema>;
