import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontProvider } from 'astro';
import { cutCore } from './font-core-subset.ts';

/** Which installed `@fontsource-variable/*` package a family's files come from. */
export interface FontsourceFamilyOptions { package: string }

/**
 * A font provider for Astro's Fonts API that serves the upright variable
 * (`wght`) faces of an installed fontsource package from node_modules: the
 * build copies them into the site, nothing is fetched from a CDN at build or
 * run time. Unlike Astro's `local` provider it tags each face with its subset,
 * so `<Font preload={[{ subset: 'latin' }]}>` preloads only that face, and it
 * takes each subset's `unicode-range` from the package's `unicode.json`, so a
 * browser downloads a subset only for a page whose text uses it. The family's
 * `subsets` setting says which subsets to serve; the first is the one Astro
 * measures for the metric-matched fallback face. A subset named `<script>-core`
 * (`latin-core`) is cut at build time from the script's face to the
 * characters nearly every page uses (font-core-subset.ts), a file about a
 * third smaller to preload; the script's own face then covers the rest of its
 * range. Cut faces are kept in `cacheDir` (Astro's, from the project root) between builds.
 */
export function fontsourceFiles(cacheDir: string): FontProvider<FontsourceFamilyOptions> {
  let root: URL | undefined;
  return {
    name: 'fontsource-files',
    init(context) {
      root = context.root;
    },
    async resolveFont({ familyName, options, subsets }) {
      if (!options) throw new Error(`${familyName}: name its fontsource package in the family's options ({ package: '@fontsource-variable/…' }).`);
      const entry = createRequire(root ?? import.meta.url).resolve(options.package);
      const folder = dirname(entry);
      const ranges = JSON.parse(readFileSync(join(folder, 'unicode.json'), 'utf8')) as Record<string, string>;
      const slug = options.package.slice(options.package.indexOf('/') + 1);
      const face = (subset: string) => {
        const file = join(folder, 'files', `${slug}-${subset}-wght-normal.woff2`);
        const range = ranges[subset];
        if (range === undefined || !existsSync(file)) {
          throw new Error(`${familyName}: ${options.package} has no upright variable face for the subset "${subset}" (subsets it has: ${Object.keys(ranges).join(', ')}).`);
        }
        return { file, range: range.split(',') };
      };
      const cores = new Map<string, Awaited<ReturnType<typeof cutCore>>>();
      for (const script of subsets.filter((subset) => subset.endsWith('-core')).map((subset) => subset.slice(0, -'-core'.length))) {
        const { file, range } = face(script);
        cores.set(script, await cutCore(file, script, range, resolve(fileURLToPath(root ?? new URL('../../../', import.meta.url)), cacheDir, 'fonts-core')));
      }
      const fonts = subsets.map((subset) => {
        const core = cores.get(subset.replace(/-core$/, ''));
        const { file, range } = subset.endsWith('-core') ? { file: core!.coreFile, range: core!.coreRange } : { file: face(subset).file, range: core?.restRange ?? face(subset).range };
        return { src: [{ url: file, format: 'woff2' }], weight: '100 900', style: 'normal', unicodeRange: range, meta: { subset } };
      });
      return { fonts };
    },
  };
}
