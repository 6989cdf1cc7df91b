import type { z } from 'astro/zod';

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in && def.out) {
    // A preprocess step pipes a transform into the real schema: look at the schema.
    return (def.in._zod.def as { type: string }).type === 'transform' ? unwrap(def.out) : unwrap(def.in);
  }
  return schema;
}

/** The object schemas reachable at a path (arrays and unions are looked through). */
function objectsAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema[] {
  const s = unwrap(schema);
  const def = s._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; options?: AnySchema[] };
  if (def.type === 'array' && def.element) return objectsAt(def.element, typeof path[0] === 'number' ? path.slice(1) : path);
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => objectsAt(option, path));
  if (def.type !== 'object' || !def.shape) return [];
  if (path.length === 0) return [s];
  const next = def.shape[String(path[0])];
  return next ? objectsAt(next, path.slice(1)) : [];
}

/** Field names of the object at `path` in a schema, for "did you mean" and listings. */
export function fieldsAt(schema: AnySchema, path: readonly PropertyKey[] = []): string[] {
  return objectsAt(schema, path).flatMap((object) =>
    Object.keys((object._zod.def as unknown as { shape: Record<string, unknown> }).shape));
}
