import { z } from 'astro/zod';
import { parseDateTime, parsePartialDate } from '../lib/partial-date.ts';
import { isCountryCode } from '../lib/countries.ts';
import { isLanguageTag } from '../lib/language.ts';
import { ID_PATTERN } from '../lib/ids.ts';

/** Shows a value in an error message the way the author typed it. */
export function showValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A non-empty one-line string of at most `max` characters. */
export const text = (max: number) =>
  z.string({ error: (iss) => (iss.input === undefined ? 'required' : `got ${showValue(iss.input)}, expected text`) })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: (iss) => `is ${String((iss.input as string).length)} characters long; expected at most ${max}` });

/** `2015`, `2015-07` or `2015-07-14`, precision kept. */
export const partialDate = z.unknown().transform((input, ctx) => {
  if (input === undefined || input === null || input === '') {
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  }
  const result = parsePartialDate(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: `got ${showValue(input)}, expected ${result.expected}` });
    return z.NEVER;
  }
  return result.value;
});

/** A date or an ISO 8601 date-time, as a `Date`. */
export const dateTime = z.unknown().transform((input, ctx) => {
  if (input === undefined || input === null || input === '') {
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  }
  const result = parseDateTime(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: `got ${showValue(input)}, expected ${result.expected}` });
    return z.NEVER;
  }
  return result.value;
});

/** An id of another entry (checked to exist by the archive-wide validation). */
export const entryId = z.string({ error: (iss) => `got ${showValue(iss.input)}, expected an id like "iran-russia-relations"` })
  .refine((id) => ID_PATTERN.test(id), {
    error: (iss) => `got ${showValue(iss.input)}, expected an id of lower-case letters, digits and dashes`,
  });

/** A list of unique entry ids. */
export const entryIds = z.array(entryId, { error: (iss) => `got ${showValue(iss.input)}, expected a list of ids` })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'lists the same id twice' });

/** An ISO 3166-1 alpha-2 code in upper case: `IR`, `RU`, `US`. */
export const countryCode = z.string({ error: (iss) => `got ${showValue(iss.input)}, expected an ISO 3166-1 alpha-2 code like "IR"` })
  .refine(isCountryCode, {
    error: (iss) => `got ${showValue(iss.input)}, expected an upper-case ISO 3166-1 alpha-2 code like "IR", "RU" or "US"`,
  });

export const countryCodes = z.array(countryCode, { error: (iss) => `got ${showValue(iss.input)}, expected a list of country codes` })
  .refine((codes) => new Set(codes).size === codes.length, { error: 'lists the same country twice' });

/** A BCP 47 language tag: `en`, `fa`, `ru`, `ar-EG`. */
export const languageTag = z.string({ error: (iss) => `got ${showValue(iss.input)}, expected a BCP 47 language tag like "fa"` })
  .refine(isLanguageTag, { error: (iss) => `got ${showValue(iss.input)}, expected a BCP 47 language tag like "en", "fa" or "ru"` });

/** An absolute http(s) URL; `javascript:` and other schemes are refused. */
export const webUrl = z.string({ error: (iss) => `got ${showValue(iss.input)}, expected a URL` })
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), {
    error: (iss) => `got ${showValue(iss.input)}, expected an http:// or https:// URL`,
  });

/** A site path such as `/2018/07/old-slug/`. */
export const urlPath = z.string({ error: (iss) => `got ${showValue(iss.input)}, expected a URL path` })
  .refine((value) => /^\/(?:[A-Za-z0-9._~%!$&'()*+,;=:@-]+\/?)*$/.test(value) && !/(^|\/)\.\.?(\/|$)/.test(value), {
    error: (iss) => `got ${showValue(iss.input)}, expected a path starting with "/" like "/2018/07/old-headline/"`,
  });

/** An image path inside the site or an http(s) URL. */
export const imageSource = z.string({ error: (iss) => `got ${showValue(iss.input)}, expected an image path or URL` })
  .refine((value) => /^(\/|\.{0,2}\/|https?:\/\/)[^\s"'<>]*$/i.test(value) || /^[\w./-]+$/.test(value), {
    error: (iss) => `got ${showValue(iss.input)}, expected an image path ("/images/x.jpg") or an https:// URL`,
  });

export const stringList = z.array(text(200), { error: (iss) => `got ${showValue(iss.input)}, expected a list of text` });

/**
 * A frontmatter object where an empty field (`dateline:` with nothing after
 * it, which YAML reads as null) counts as absent: "required" when the field is
 * required, ignored when it is optional.
 */
export function frontmatter<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null))
    : value), schema);
}
