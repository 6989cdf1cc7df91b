import { z } from 'astro/zod';
import {
  countryCodes, dateTime, entryId, frontmatter, entryIds, imageSource, languageTag, partialDate, stringList, text, urlPath, webUrl,
} from './common.ts';
import { checkSpan, eventFields } from './event.ts';

/** An event written inside an article instead of in `content/events/`. */
export const inlineEventSchema = z.strictObject(eventFields).superRefine(checkSpan);

/** The original publisher of a story. */
export const sourceSchema = z.strictObject({
  /** The publisher's name, e.g. "Tasnim News Agency". */
  name: text(200),
  /** The original story's address. */
  url: webUrl.optional(),
});

/** A picture shown at the top of the article. */
export const imageSchema = z.strictObject({
  /** Path under `public/` or an https:// URL. */
  src: imageSource,
  /** What the picture shows, for readers who cannot see it. Required with `src`. */
  alt: text(400),
  /** Photographer or agency. */
  credit: text(200).optional(),
});

/** A correction notice, shown newest first. */
export const correctionSchema = z.strictObject({
  /** When the correction was made. */
  date: dateTime,
  /** What was wrong and what is right now. */
  text: text(1000),
});

/** A news article, `content/articles/**\/*.md(x)`. */
export const articleSchema = frontmatter(z.strictObject({
  /** The headline, 1–200 characters. */
  title: text(200),
  /** The standfirst: one or two sentences used in lists, feeds, meta tags and search results. */
  description: text(320),
  /** First publication: a date or an ISO 8601 date-time. */
  pubDate: dateTime,
  /** Last substantive update; not before `pubDate`. */
  updatedDate: dateTime.optional(),
  /** Where the story was filed, e.g. `TEHRAN`. */
  dateline: text(80).optional(),
  /** The original publisher. */
  source: sourceSchema.optional(),
  /** Bylines. */
  authors: stringList.optional(),
  /** BCP 47 language tag; defaults to the site's language. `fa`, `ar`, `he`, `ur` render right to left. */
  lang: languageTag.optional(),
  /** Topic ids (at least one); each must exist in `content/topics/`. */
  topics: entryIds.refine((ids) => ids.length > 0, { error: 'required: at least one topic' }),
  /** Person ids; each must exist in `content/people/`. */
  people: entryIds.optional(),
  /** Organization ids; each must exist in `content/organizations/`. */
  organizations: entryIds.optional(),
  /** ISO 3166-1 alpha-2 codes, upper case. */
  countries: countryCodes.optional(),
  /** Event ids from `content/events/`, or inline events `{ date, title, … }`. */
  events: z.array(z.union([entryId, inlineEventSchema]), {
    error: (iss) => (iss.code === 'invalid_type' ? 'expected a list of event ids or { date, title } events' : undefined),
  }).optional(),
  /** A lead picture. */
  image: imageSchema.optional(),
  /** Correction notices. */
  corrections: z.array(correctionSchema).optional(),
  /** Old URL paths of this article; each redirects here. */
  aliases: z.array(urlPath).optional(),
  /** The id of the article this one translates. */
  translationOf: entryId.optional(),
  /** Drafts show in the dev server and are never built. */
  draft: z.boolean({ error: (iss) => `got ${JSON.stringify(iss.input)}, expected true or false` }).default(false),
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
