// @ts-check
// The floor: the smallest Astro + MDX site that publishes the same articles,
// built by the benchmark next to Chronicle to show what Astro itself costs.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  outDir: process.env.FLOOR_OUT_DIR || './dist',
  cacheDir: process.env.FLOOR_CACHE_DIR || './.cache',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
