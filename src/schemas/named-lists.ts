import { z } from 'astro/zod';
import { KIND_NAMES, KINDS, type KindName } from '../lib/core/kinds.ts';
import { entryIds } from './common.ts';

/**
 * The kinds an article or event names in a plain list of ids (`people`,
 * `organizations`, and any kind added to the registry with `namedBy`).
 * Topics, events and countries have lists of their own shape, written out in
 * the schemas that hold them.
 */
type ListedKind = Exclude<{ [K in KindName]: (typeof KINDS)[K] extends { namedBy: string; ids: 'slug' } ? K : never }[KindName], 'topics' | 'events'>;
type ListFields = { [K in ListedKind as (typeof KINDS)[K]['namedBy']]: z.ZodOptional<typeof entryIds> };

const LISTED = KIND_NAMES.filter((kind) => {
  const spec = KINDS[kind] as { namedBy?: string; ids: string };
  return spec.namedBy !== undefined && spec.ids === 'slug' && kind !== 'topics' && kind !== 'events';
});

/** One optional list of ids per listed kind, each described by `describe` (`Person ids involved.`). */
export function namedLists(describe: (singular: string, kind: string) => string): ListFields {
  const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  return Object.fromEntries(LISTED.map((kind) => {
    const spec = KINDS[kind] as { namedBy: string; singular: string };
    return [spec.namedBy, entryIds.optional().describe(describe(capital(spec.singular), kind))];
  })) as ListFields;
}
