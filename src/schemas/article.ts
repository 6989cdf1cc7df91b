import { z } from 'astro/zod';
import type { ImageMetadata } from 'astro';
import {
  countryCodes, dateTime, timeZone, entryId, frontmatter, entryIds, imageSource, labelList, languageTag, stringList, text, urlPath, webUrl,
} from './common.ts';
import { checkSpan, eventFields } from './event.ts';
import { namedLists } from './named-lists.ts';

/** An event written inside an article instead of in `content/events/`. */
export const inlineEventSchema = z.strictObject(eventFields).superRefine(checkSpan);

/** The original publisher of a story. */
const sourceSchema = z.strictObject({
  name: text(200).describe('The publisher\'s name, e.g. "Tasnim News Agency".'),
  url: webUrl.optional().describe('The original story\'s address.'),
});

/** The lead picture's file, as the validation pass reads it: a path or an address, checked for what it names afterwards. */
const LEAD_SOURCE_DOC = 'A picture file beside the article (`./lead.jpg`) or in `content/images/` (a path relative to the article\'s file, `../../../images/x.jpg`), optimised by the build; or a path under `public/` (`/images/x.jpg`), shown as it is. At least 1200×630 pixels, the size of a share card.';

/**
 * A site path (`/images/x.jpg`, a file in public/) or an http(s) address:
 * what Astro's `image()` helper must not import, in content.config.ts.
 */
export const sitePictureSource = imageSource.refine((value) => /^(\/|https?:\/\/)/i.test(value), { error: 'expected a site path or an http(s) address' });

/** A picture shown at the top of the article; `src` is given by the caller (a path here, a resolved file in Astro's content layer). */
const imageSchemaOf = <S extends z.ZodType>(src: S) => z.strictObject({
  src: src.describe(LEAD_SOURCE_DOC),
  alt: text(400).describe('What the picture shows, for readers who cannot see it. Required with `src`.'),
  caption: text(400).optional().describe('A caption shown under the picture.'),
  credit: text(200).optional().describe('Photographer or agency, set small after the caption.'),
});

/** A correction notice, shown newest first. */
const correctionSchema = z.strictObject({
  date: dateTime.describe('When the correction was made.'),
  text: text(1000).describe('What was wrong and what is right now.'),
});

/**
 * A news article, `content/articles/**\/*.md(x)`, with its lead picture's
 * `src` read by `source`: a checked path in the validation pass (and for the
 * docs), Astro's `image()` or a site path in the content layer.
 */
function articleSchemaOf<S extends z.ZodType>(source: S) {
  return frontmatter(z.strictObject({
    title: text(200).describe('The headline, 1–200 characters.'),
    description: text(320).describe('The standfirst: one or two sentences used in lists, feeds, meta tags and search results.'),
    pubDate: dateTime.describe('First publication: a date or an ISO 8601 date-time.'),
    updatedDate: dateTime.optional().describe('Last substantive update; not before `pubDate`.'),
    timezone: timeZone.optional().describe('The time zone a date without a time is read in (noon there, where a format needs a time), e.g. `Asia/Tehran`; defaults to the site\'s `CHRONICLE_TIMEZONE`.'),
    dateline: text(80).optional().describe('Where the story was filed, e.g. `TEHRAN`.'),
    source: sourceSchema.optional().describe('The original publisher.'),
    authors: stringList.optional().describe('Bylines.'),
    lang: languageTag.optional().describe('BCP 47 language tag; defaults to the site\'s language. `fa`, `ar`, `he`, `ur` render right to left.'),
    topics: entryIds.refine((ids) => ids.length > 0, { error: 'required: at least one topic' })
      .meta({ description: 'Topic ids (at least one); each must exist in `content/topics/`.', minItems: 1 }),
    // `people`, `organizations` and any other kind the registry lists (src/lib/core/kinds.ts).
    ...namedLists((kind, folder) => `${kind} ids; each must exist in \`content/${folder}/\`.`),
    tags: labelList.optional().describe('Free-text labels (each ≤ 80 characters), e.g. an old site\'s tags; shown on the article and offered as a search filter. Unlike topics they need no file and make no page.'),
    countries: countryCodes.optional().describe('ISO 3166-1 alpha-2 codes, upper case.'),
    events: z.array(z.union([entryId, inlineEventSchema]), {
      error: (iss) => (iss.code === 'invalid_type' ? 'expected a list of event ids or { date, title } events' : undefined),
    }).optional().describe('Event ids from `content/events/`, or inline events `{ date, title, … }`.'),
    image: imageSchemaOf(source).optional().describe('The lead picture, shown at the top of the article, beside it in lists, and in link previews.'),
    corrections: z.array(correctionSchema).optional().describe('Correction notices.'),
    aliases: z.array(urlPath).optional().describe('Old URL paths of this article; each redirects here.'),
    translationOf: entryId.optional().describe('The id of the article this one translates.'),
    draft: z.boolean({ error: (iss) => `got ${JSON.stringify(iss.input)}, expected true or false` }).default(false).describe('Drafts show in the dev server and are never built.'),
  }).superRefine((value, ctx) => {
    if (value.updatedDate && value.updatedDate < value.pubDate) {
      ctx.addIssue({
        code: 'custom', path: ['updatedDate'],
        message: `${value.updatedDate.toISOString()} is before pubDate ${value.pubDate.toISOString()}; expected a date on or after pubDate`,
      });
    }
  }));
}

/** A news article as the validation pass reads it: the lead picture's `src` is a path. */
export const articleSchema = articleSchemaOf(imageSource);

/**
 * The same, for Astro's content layer (src/content.config.ts): a lead picture
 * kept with the content goes through `image()` (Astro imports the file and
 * hands pages its width, height and format), and so does one on a trusted
 * host, by the copy the build downloaded (`downloaded` gives its path,
 * src/lib/content/remote-pictures.ts); a public/ path stays text.
 */
export const articleSchemaWithPictures = (image: () => z.ZodType, downloaded: (url: string) => string | undefined = () => undefined) => {
  // An address with no downloaded copy fails here and is read as text by the next choice.
  const remote = z.string().transform((url, ctx) => {
    const copy = downloaded(url);
    if (!copy) ctx.addIssue({ code: 'custom', message: 'not downloaded' });
    return copy ?? z.NEVER;
  });
  // Astro types image() by the object it gives, but it reads a path (astro/dist/content/runtime-assets.js).
  const pathPicture = image() as z.ZodType<unknown, string>;
  const picture = z.union([remote.pipe(pathPicture), sitePictureSource, pathPicture]);
  // Piped from the path schema so the JSON Schema Astro writes for editors (its input side) is the
  // committed one, schemas/articles.schema.json, rather than a union of three strings.
  return articleSchemaOf(imageSource.pipe(picture));
};

export type ArticleData = z.output<typeof articleSchema>;

/** A picture file Astro's content layer resolved through `image()`: its address, width, height and format. */
export type PictureFile = ImageMetadata;

/** The lead picture as pages receive it: `src` a resolved file, or a site path or address as written. */
export type LeadPicture = Omit<NonNullable<ArticleData['image']>, 'src'> & { src: string | PictureFile };
export type InlineEventData = z.output<typeof inlineEventSchema>;
