import { collections } from '../src/content.config.ts';
import { COLLECTIONS } from '../src/schemas/index.ts';
type A = import('astro/zod').infer<typeof collections.articles.schema>;
type B = import('astro/zod').infer<typeof COLLECTIONS.articles.schema>;
const a = null! as A; a.title;
const b = null! as B; b.title;
type S = typeof collections.articles.schema;
const s: S = 1;
