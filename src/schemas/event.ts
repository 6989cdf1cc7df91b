import { z } from 'astro/zod';
import { countryCodes, entryIds, frontmatter, partialDate, text } from './common.ts';
import { isNotBefore, type PartialDate } from '../lib/core/partial-date.ts';
import { namedLists } from './named-lists.ts';

/** What an event is: shared by canonical event files and inline events in articles. */
export const eventFields = {
  title: text(200).describe('What happened, in one line.'),
  date: partialDate.describe('When it happened or began: `2015`, `2015-07` or `2015-07-14`.'),
  end: partialDate.optional().describe('When a span ended; not before `date`.'),
  topics: entryIds.optional().describe('Topic ids the event belongs to.'),
  // `people`, `organizations` and any other kind the registry lists (src/lib/core/kinds.ts).
  ...namedLists((kind) => `${kind} ids involved.`),
  countries: countryCodes.optional().describe('ISO 3166-1 alpha-2 codes of the countries involved.'),
};

/** Rejects a span that ends before it begins. */
export function checkSpan(value: { date: PartialDate; end?: PartialDate | undefined }, ctx: z.RefinementCtx) {
  if (value.end && !isNotBefore(value.end, value.date)) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `${value.end.iso} is before date ${value.date.iso}; expected an end on or after the date` });
  }
}

/** A canonical event, `content/events/<id>.md`; the body is a short description. */
export const eventSchema = frontmatter(z.strictObject(eventFields).superRefine(checkSpan));

export type EventData = z.output<typeof eventSchema>;
