import type { JsonSchema } from './json-schema.ts';

/** One row of a collection's field reference in the authoring guide. */
export interface FieldRow {
  /** `title`, `source.url`, `corrections[].date`, `events[].title`. */
  path: string;
  /** Nesting depth: 0 for top-level fields. */
  depth: number;
  /** What to write, in words: "text, at most 200 characters", "list of ids". */
  type: string;
  required: boolean;
  /** The value used when the field is left out. */
  default?: string;
  description: string;
}

const asSchema = (value: unknown): JsonSchema | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : undefined;

/**
 * A schema's type in words ("list of ids", "text, at most 200 characters").
 * Custom types carry a `title` (see src/schemas/common.ts).
 */
export function describeType(schema: JsonSchema, plural = false): string {
  const noun = (one: string, many = `${one}s`) => (plural ? many : one);
  if (typeof schema.title === 'string') return noun(schema.title);
  if (Array.isArray(schema.anyOf)) {
    return schema.anyOf.map((option) => describeType(asSchema(option) ?? {}, plural)).join(' or ');
  }
  switch (schema.type) {
    case 'string':
      return typeof schema.maxLength === 'number'
        ? `${noun('text', 'texts')}, ${plural ? 'each ' : ''}at most ${schema.maxLength} characters`
        : noun('text', 'texts');
    case 'boolean': return 'true or false';
    case 'number': return noun('number');
    case 'integer': return noun('whole number');
    case 'object': return plural ? 'entries with the fields below' : 'the fields below';
    case 'array': {
      const extras = [
        typeof schema.minItems === 'number' && schema.minItems > 0 ? `at least ${schema.minItems}` : '',
        schema.uniqueItems === true ? 'no repeats' : '',
      ].filter(Boolean);
      return `list of ${describeType(asSchema(schema.items) ?? {}, true)}${extras.length ? ` (${extras.join(', ')})` : ''}`;
    }
    default: return 'any value';
  }
}

/** The object schemas a field holds directly, in a list, or as one of its alternatives. */
function nestedObjects(schema: JsonSchema): { suffix: string; object: JsonSchema }[] {
  if (schema.type === 'object' && asSchema(schema.properties)) return [{ suffix: '', object: schema }];
  if (schema.type === 'array') {
    const items = asSchema(schema.items);
    return items ? nestedObjects(items).map((n) => ({ ...n, suffix: `[]${n.suffix}` })) : [];
  }
  if (Array.isArray(schema.anyOf)) return schema.anyOf.flatMap((option) => nestedObjects(asSchema(option) ?? {}));
  return [];
}

/**
 * Every field of an object schema, nested fields after their parent
 * (`source`, then `source.name`, `source.url`), in the schema's own order.
 */
export function fieldRows(schema: JsonSchema, prefix = '', depth = 0): FieldRow[] {
  const properties = asSchema(schema.properties) ?? {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).flatMap(([name, value]) => {
    const field = asSchema(value) ?? {};
    const path = `${prefix}${name}`;
    const row: FieldRow = {
      path,
      depth,
      type: describeType(field),
      required: required.has(name),
      ...(field.default !== undefined ? { default: JSON.stringify(field.default) } : {}),
      description: typeof field.description === 'string' ? field.description : '',
    };
    const children = nestedObjects(field).flatMap(({ suffix, object }) => fieldRows(object, `${path}${suffix}.`, depth + 1));
    return [row, ...children];
  });
}

/** Splits text on `backticks` so a component can render code spans without parsing Markdown. */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text.split('`').map((part, index) => ({ code: index % 2 === 1, text: part })).filter((part) => part.text !== '');
}
