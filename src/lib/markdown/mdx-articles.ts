import { pathToFileURL } from 'node:url';
import { evaluate } from 'satteri';
import {
  satteriCollectImagesPlugin,
  satteriCreateHighlightFn,
  satteriHeadingIdsPlugin,
  satteriHighlightPlugin,
} from '@astrojs/markdown-satteri';
import { Fragment, jsx } from 'astro/jsx-runtime';
import { renderJSX } from 'astro/runtime/server/jsx.js';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ContentEntryRenderFunction, ContentEntryType } from 'astro';
import { componentsAsHtmlData, imagePlaceholders, timelinePlaceholders } from './mdx-components.ts';

/**
 * MDX articles as data, not modules.
 *
 * `@astrojs/mdx` makes every `.mdx` content entry a JavaScript module that
 * the bundler compiles, so its memory and time grow with the archive
 * (BENCHMARKS.md). Here an article's MDX is rendered to HTML when content is
 * loaded, like a `.md` file: stored with the entry (`rendered`), cached by the
 * file's digest, shown by `render(entry)`. The compile is Astro's own (Sätteri
 * with the configured Markdown plugins, Shiki, heading ids, image markers);
 * the JSX it produces is written out by Astro's JSX renderer, the one that
 * renders MDX pages, so the HTML is what the module would have written.
 * Chronicle's components are written as HTML by their plugins
 * (mdx-components.ts); a `<Timeline>` and a picture become placeholders the
 * article page fills in (src/components/ArticleBody.astro). Pictures are still
 * listed as the entry's assets, so Astro imports and optimises them.
 */

type Config = Parameters<NonNullable<ContentEntryType['getRenderFunction']>>[0];
/** The loader context Astro passes: its `entryTypes` (file extension → how to read and render it) are not in the public type. */
type WithEntryTypes = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

interface SatteriOptions {
  mdastPlugins: unknown[];
  hastPlugins: unknown[];
  features: Record<string, unknown>;
}

function satteriOptions(config: Config): SatteriOptions {
  const processor = config.markdown.processor as { name: string; options?: SatteriOptions };
  if (processor.name !== 'satteri' || !processor.options) {
    throw new Error(`MDX articles are rendered with the Sätteri Markdown processor; "${processor.name}" is configured`);
  }
  return processor.options;
}

/** Renders one MDX article body to HTML with its headings and pictures. */
export async function mdxRenderer(config: Config): Promise<ContentEntryRenderFunction> {
  const options = satteriOptions(config);
  const { syntaxHighlight, shikiConfig, gfm, smartypants } = config.markdown;
  const highlight = await satteriCreateHighlightFn(syntaxHighlight, shikiConfig);
  const excludeLangs = typeof syntaxHighlight === 'object' ? syntaxHighlight.excludeLangs : undefined;
  return async ({ body, data, filePath }) => {
    const astro = { frontmatter: data, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
    const hastPlugins = [
      ...(highlight ? [satteriHighlightPlugin(highlight, excludeLangs)] : []),
      ...options.hastPlugins,
      imagePlaceholders(),
      satteriHeadingIdsPlugin(),
    ];
    const module = await evaluate(body ?? '', {
      Fragment,
      jsx: jsx as (type: unknown, props: unknown) => unknown,
      jsxs: jsx as (type: unknown, props: unknown) => unknown,
      mdastPlugins: [...options.mdastPlugins, timelinePlaceholders(), satteriCollectImagesPlugin(config.image)] as never,
      hastPlugins: hastPlugins as never,
      features: { ...options.features, gfm: gfm !== false, smartPunctuation: smartypants !== false },
      ...(filePath ? { fileURL: pathToFileURL(filePath) } : {}),
      elementAttributeNameCase: 'html',
      data: { astro, ...componentsAsHtmlData() },
    });
    const content = module.default as (props: Record<string, unknown>) => unknown;
    const html = String(await renderJSX({} as never, content({})));
    const localImagePaths = [...astro.localImagePaths];
    const remoteImagePaths = [...astro.remoteImagePaths];
    return {
      html,
      metadata: { headings: astro.headings, localImagePaths, remoteImagePaths, frontmatter: data, imagePaths: [...localImagePaths, ...remoteImagePaths] },
    };
  };
}

/**
 * `loader` with its `.mdx` files rendered when loaded (above) instead of
 * compiled as modules: the glob loader renders any entry type that has a
 * render function, and defers only those that have none.
 */
export function mdxAsData(loader: Loader): Loader {
  return {
    ...loader,
    load: (loaderContext) => {
      const context = loaderContext as WithEntryTypes;
      const mdx = context.entryTypes.get('.mdx');
      if (!mdx) return loader.load(context);
      const { contentModuleTypes: _module, ...rest } = mdx;
      const entryTypes = new Map(context.entryTypes);
      entryTypes.set('.mdx', { ...rest, getRenderFunction: mdxRenderer });
      return loader.load({ ...context, entryTypes } as WithEntryTypes);
    },
  };
}
