// @ts-check
import { defineConfig } from 'astro/config';
import chronicle from './src/integrations/chronicle.ts';
import { deploymentFromEnv } from './src/lib/build/deployment.ts';
import { classTokens } from './src/lib/markdown/code-highlight.ts';
import { sourceFingerprint } from './src/lib/build/source-fingerprint.ts';
import { fontsourceFiles } from './src/lib/build/fontsource-files.ts';

/** Where the site is published; both can be set per deployment (`/chronicle`, `chronicle/` all mean `/chronicle/`). */
const { site, base } = deploymentFromEnv(process.env);
const cacheDir = process.env.CHRONICLE_CACHE_DIR || './node_modules/.astro';

export default defineConfig({
  site,
  base,
  // Separate output and cache folders let tests and benchmarks build several sites side by side.
  outDir: process.env.CHRONICLE_OUT_DIR || './dist',
  cacheDir,
  trailingSlash: 'always',
  // Stylesheets are always files, never inline <style>: the Content-Security-Policy allows only 'self' (src/lib/site/csp.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Nor inline scripts: Astro would inline a script as small as the header's keyboard shortcut
  // (src/client/search/shortcut.ts), which the policy refuses. 0 keeps every asset a file.
  // cssCodeSplit: false: all the site's CSS is one file (about 6 KB gzipped), so a page waits for
  // one stylesheet, not two to five, and every later page finds it cached.
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
  // Chronicle's integrations, MDX and the sitemap among them, in the order they must run (src/integrations/chronicle.ts).
  integrations: [chronicle({ base })],
  devToolbar: { enabled: false },
  // Self-hosted fonts through Astro's Fonts API (src/components/Fonts.astro puts them in each page):
  // each subset is its own face with its unicode-range, so a page downloads only the scripts its
  // text uses; Astro writes a fallback face metric-matched to each (size-adjust, ascent and
  // descent overrides). 'optional': a font that is not there by first paint (it is preloaded) is
  // used from the next page on, never swapped in under the reader, so text never moves.
  // 'latin-core' (ASCII and common typography, cut from the Latin face at build) is the face pages
  // preload: about a third fewer bytes before text settles; the Latin face keeps the rest of Latin-1.
  fonts: [
    { provider: fontsourceFiles(cacheDir), name: 'Inter Variable', cssVariable: '--font-inter', options: { package: '@fontsource-variable/inter' }, subsets: ['latin-core', 'latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'], display: 'optional', fallbacks: ['sans-serif'] },
    { provider: fontsourceFiles(cacheDir), name: 'Source Serif 4 Variable', cssVariable: '--font-source-serif', options: { package: '@fontsource-variable/source-serif-4' }, subsets: ['latin-core', 'latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'], display: 'optional', fallbacks: ['serif'] },
    { provider: fontsourceFiles(cacheDir), name: 'Vazirmatn Variable', cssVariable: '--font-vazirmatn', options: { package: '@fontsource-variable/vazirmatn' }, subsets: ['arabic', 'latin', 'latin-ext'], display: 'optional', fallbacks: [] },
  ],
  // Pictures through Astro's own pipeline (Sharp): each is written in the widths below that it
  // has (never enlarged), as WebP, the format chosen by its encode cost (BENCHMARKS.md,
  // "Pictures"); the Markdown plugin (src/lib/markdown/figures.ts) says how wide the column is.
  image: { layout: 'constrained', breakpoints: [360, 540, 720, 1080, 1440] },
  // Shiki with Astro's css-variables theme; classTokens() turns each token's inline style="" (which
  // the CSP forbids) into a class coloured by src/styles/code.css. Not Prism: Astro's Prism passes
  // code of an unknown language through unescaped.
  markdown: {
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
    // The fingerprint (a hash of the transformer's code) is part of the config Astro's content cache is
    // keyed on, so Markdown rendered by an older version of it is rendered again.
    shikiConfig: { theme: 'css-variables', transformers: [Object.assign(classTokens(), { fingerprint: sourceFingerprint([new URL('./src/lib/markdown/code-highlight.ts', import.meta.url)]) })] },
  },
  // Writes .astro/collections/*.schema.json and the file map that the Astro VS Code
  // extension uses to validate and complete frontmatter (see /guide/editor/).
  experimental: {
    contentIntellisense: true,
    // Pages whose cacheKey (src/lib/routes/cache-keys.ts) and code are unchanged are copied from the
    // previous build in CHRONICLE_CACHE_DIR instead of rendered again.
    incrementalBuild: true,
  },
});
