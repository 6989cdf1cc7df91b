import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontProvider } from 'astro';

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
 * measures for the metric-matched fallback face.
 */
export function fontsourceFiles(): FontProvider<FontsourceFamilyOptions> {
  let root: URL | undefined;
  return {
    name: 'fontsource-files',
    init(context) {
      root = context.root;
    },
    resolveFont({ familyName, options, subsets }) {
      if (!options) throw new Error(`${familyName}: name its fontsource package in the family's options ({ package: '@fontsource-variable/…' }).`);
      const entry = createRequire(root ?? import.meta.url).resolve(options.package);
      const folder = dirname(entry);
      const ranges = JSON.parse(readFileSync(join(folder, 'unicode.json'), 'utf8')) as Record<string, string>;
      const slug = options.package.slice(options.package.indexOf('/') + 1);
      const fonts = subsets.map((subset) => {
        const file = join(folder, 'files', `${slug}-${subset}-wght-normal.woff2`);
        const range = ranges[subset];
        if (range === undefined || !existsSync(file)) {
          throw new Error(`${familyName}: ${options.package} has no upright variable face for the subset "${subset}" (subsets it has: ${Object.keys(ranges).join(', ')}).`);
        }
        return { src: [{ url: file, format: 'woff2' }], weight: '100 900', style: 'normal', unicodeRange: range.split(','), meta: { subset } };
      });
      return { fonts };
    },
  };
}
