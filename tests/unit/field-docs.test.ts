import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { codeSpans, describeType, fieldRows } from '../../src/lib/authoring/field-docs.ts';
import { collectionJsonSchema } from '../../src/lib/authoring/json-schema.ts';
import { COLLECTIONS, COLLECTION_NAMES } from '../../src/schemas/index.ts';

type Schema = z.core.$ZodType & { description?: string };
interface Def { type: string; innerType?: Schema; in?: Schema; out?: Schema; element?: Schema; options?: Schema[]; shape?: Record<string, Schema> }
const def = (schema: Schema) => schema._zod.def as unknown as Def;

/** Looks through optional/default wrappers, preprocess pipes, lists and unions to the object schemas inside. */
function objectsIn(schema: Schema): Record<string, Schema>[] {
  const d = def(schema);
  if (d.innerType) return objectsIn(d.innerType);
  if (d.type === 'pipe') return objectsIn(def(d.in!).type === 'transform' ? d.out! : d.in!);
  if (d.type === 'array') return objectsIn(d.element!);
  if (d.type === 'union') return d.options!.flatMap(objectsIn);
  return d.type === 'object' && d.shape ? [d.shape] : [];
}

/** Every field of a Zod schema, nested ones as `parent.child`, walking the Zod shapes themselves. */
function zodFields(schema: Schema, prefix = ''): { path: string; required: boolean; description: string | undefined }[] {
  return objectsIn(schema).flatMap((shape) => Object.entries(shape).flatMap(([name, field]) => [
    { path: `${prefix}${name}`, required: field._zod.optin === undefined, description: field.description }, // optin: 'optional' or 'defaulted'
    ...zodFields(field, `${prefix}${name}.`),
  ]));
}

describe("the guide's field reference matches the Zod schemas", () => {
  it.each(COLLECTION_NAMES)('%s: the same fields, in the same order, equally required, with the schema descriptions', (name) => {
    const rows = fieldRows(collectionJsonSchema(name));
    const zod = zodFields(COLLECTIONS[name].schema as Schema);
    expect(zod.length).toBeGreaterThan(0);
    expect(rows.map((row) => ({ path: row.path.replaceAll('[]', ''), required: row.required, description: row.description })))
      .toEqual(zod);
  });

  it('every field has a description (its .describe() in src/schemas/, the only place a field is documented)', () => {
    for (const name of COLLECTION_NAMES) {
      for (const row of fieldRows(collectionJsonSchema(name))) expect(row.description, `${name}: ${row.path}`).not.toBe('');
    }
  });

  it('marks lists of objects and nested objects the way authors write them', () => {
    const paths = fieldRows(collectionJsonSchema('articles')).map((row) => row.path);
    expect(paths).toEqual(expect.arrayContaining(['source.url', 'image.alt', 'corrections[].date', 'events[].title', 'events[].end']));
    const draft = fieldRows(collectionJsonSchema('articles')).find((row) => row.path === 'draft');
    expect(draft).toMatchObject({ required: false, default: 'false', type: 'true or false' });
  });
});

describe('types in words', () => {
  it.each([
    [{ type: 'string', maxLength: 80 }, 'text, at most 80 characters'],
    [{ type: 'array', items: { type: 'string', title: 'id' }, minItems: 1, uniqueItems: true }, 'list of ids (at least 1, no repeats)'],
    [{ type: 'array', items: { type: 'string', maxLength: 200 } }, 'list of texts, each at most 200 characters'],
    [{ type: 'array', items: { anyOf: [{ type: 'string', title: 'id' }, { type: 'object', properties: {} }] } }, 'list of ids or entries with the fields below'],
    [{ type: ['integer', 'string'], title: 'partial date' }, 'partial date'],
    [{ type: 'boolean' }, 'true or false'],
  ])('%j → %s', (schema, words) => {
    expect(describeType(schema)).toBe(words);
  });

  it('splits code spans', () => {
    expect(codeSpans('each must exist in `content/topics/`.')).toEqual([
      { code: false, text: 'each must exist in ' }, { code: true, text: 'content/topics/' }, { code: false, text: '.' },
    ]);
  });
});
