// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import chronicle from './src/integrations/chronicle.ts';

/** Where the site is published; both can be set per deployment. */
const site = process.env.CHRONICLE_SITE || 'https://chronicle.example.org';
const base = process.env.CHRONICLE_BASE || '/';

export default defineConfig({
  site,
  base,
  // Separate output and cache folders let tests and benchmarks build several sites side by side.
  outDir: process.env.CHRONICLE_OUT_DIR || './dist',
  cacheDir: process.env.CHRONICLE_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [chronicle(), mdx(), sitemap()],
  devToolbar: { enabled: false },
});
