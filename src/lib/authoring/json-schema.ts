import { z } from 'astro/zod';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';

/** Where `npm run schemas` writes one JSON Schema per collection. */
const SCHEMA_FOLDER = 'schemas';

export type JsonSchema = { [key: string]: unknown };

/**
 * The options Astro's own generator uses for `.astro/collections/*.schema.json`,
 * the files the Astro VS Code extension validates frontmatter against. Using
 * the same ones means the committed schemas and the editor's never differ.
 * The custom date, id, country and language types describe themselves with
 * `.meta()` in src/schemas/common.ts; nothing is patched here.
 */
const OPTIONS = {
  unrepresentable: 'any',
  io: 'input',
  override(ctx) {
    const def = ctx.zodSchema._zod.def as { type: string };
    if (def.type === 'date') {
      ctx.jsonSchema.type = 'string';
      ctx.jsonSchema.format = 'date-time';
    }
  },
} satisfies Parameters<typeof z.toJSONSchema>[1];

/** The JSON Schema of one collection's frontmatter, generated from its Zod schema. */
export function collectionJsonSchema(name: CollectionName): JsonSchema {
  return z.toJSONSchema(COLLECTIONS[name].schema, OPTIONS) as JsonSchema;
}

/** The text of `schemas/<name>.schema.json`. */
function jsonSchemaFile(name: CollectionName): string {
  return `${JSON.stringify(collectionJsonSchema(name), null, 2)}\n`;
}

/** Every collection's schema file: path inside the repository → text. */
export function allJsonSchemaFiles(): Map<string, string> {
  return new Map(COLLECTION_NAMES.map((name) => [`${SCHEMA_FOLDER}/${name}.schema.json`, jsonSchemaFile(name)]));
}
