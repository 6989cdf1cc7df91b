import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

/** Astro's defaults: no schema, no options; the benchmark sets FLOOR_CONTENT_DIR. */
export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: `${process.env.FLOOR_CONTENT_DIR ?? '../../../content'}/articles` }),
  }),
};
