import type { MdastHookFn, MdastPluginDefinition, MdastTarget } from 'satteri';
import { COMPONENT_REFERENCES } from '../content/components.ts';

/**
 * Chronicle's MDX components as plain elements, for articles rendered to HTML
 * when content is loaded (mdx-articles.ts) rather than bundled
 * as modules. Each plugin that knows a component (quote-plugin.ts for
 * `<Quote>`, figures.ts for `<Figure>`, this file for `<Timeline>`) writes the
 * same HTML its Astro component writes, when the renderer asks for it with
 * the flag below; MDX compiled as a module (the guide's pages) keeps the
 * components. `<Timeline>` needs the archive, which is only known when pages
 * are built: it becomes a placeholder that the article page swaps for the
 * component (embeds.ts, components/ArticleBody.astro).
 */

/** Set in the render's `data` by the content-time renderer. */
const FLAG = 'chronicleComponentsAsHtml';

export function componentsAsHtmlData(): Record<string, unknown> {
  return { [FLAG]: true };
}

/** Whether this render wants components written as HTML. */
export function componentsAsHtml(data: unknown): boolean {
  return (data as Record<string, unknown> | undefined)?.[FLAG] === true;
}

/** The element that stands for a `<Timeline>` until the page fills it in. */
export const TIMELINE_PLACEHOLDER = { tag: 'template', attribute: 'data-chronicle-timeline' } as const;
/**
 * The element that stands for a picture until the page draws it with Astro's
 * `<Image>`, as an MDX module does (`render(entry)`'s own image markers write
 * other attributes: the page would change).
 */
export const IMAGE_PLACEHOLDER = { tag: 'template', attribute: 'data-chronicle-image' } as const;

/** What a picture placeholder holds: `<Image>`'s attributes in the order MDX passes them. */
export interface ImageEmbed {
  attributes: [string, string][];
  src: string;
  remote: boolean;
}

interface HastElement { type: string; tagName?: string; properties?: Record<string, unknown> }

/**
 * The MDX compiler's `<img>` → `<Image>` step (image-to-component in
 * @astrojs/markdown-satteri), writing a placeholder instead of a component.
 */
export function imagePlaceholders() {
  return {
    name: 'chronicle-image-placeholders',
    element: {
      filter: ['img'],
      visit(node: HastElement, ctx: { data: unknown }) {
        const src = node.properties?.src;
        if (typeof src !== 'string') return undefined;
        const decoded = decodeURI(src);
        const astro = (ctx.data as { astro?: { localImagePaths: Set<string>; remoteImagePaths: Set<string> } }).astro;
        const local = astro?.localImagePaths.has(decoded) ?? false;
        const remote = !local && (astro?.remoteImagePaths.has(decoded) ?? false);
        if (!local && !remote) return undefined;
        const attributes: [string, string][] = [];
        for (const [key, value] of Object.entries(node.properties ?? {})) {
          if (key === 'src' || value == null || value === false) continue;
          attributes.push([key === 'className' ? 'class' : key === 'htmlFor' ? 'for' : key, String(value)]);
        }
        const embed: ImageEmbed = { attributes, src: decoded, remote };
        return { type: 'element', tagName: IMAGE_PLACEHOLDER.tag, properties: { dataChronicleImage: JSON.stringify(embed) }, children: [] };
      },
    },
  };
}

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: JsxNode[];
}

/** A JSX attribute's value as the component would receive it: text, or a number or string literal in braces. */
function attributeValue(value: unknown): string | number | undefined {
  if (typeof value === 'string') return value;
  const expression = (value as { value?: unknown } | null)?.value;
  if (typeof expression !== 'string') return undefined;
  const source = expression.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(source)) return Number(source);
  const quoted = /^(["'`])(.*)\1$/s.exec(source);
  return quoted ? quoted[2] : undefined;
}

/** The attributes `<Timeline>` reads (src/components/Timeline.astro). */
const TIMELINE_ATTRIBUTES = new Set([...Object.keys(COMPONENT_REFERENCES.Timeline), 'from', 'to']);

export function timelineProps(node: JsxNode): Record<string, string | number> {
  const props: Record<string, string | number> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !TIMELINE_ATTRIBUTES.has(attribute.name)) continue;
    const value = attributeValue(attribute.value);
    if (value !== undefined) props[attribute.name] = value;
  }
  return props;
}

/** `<Timeline …/>` → `<template data-chronicle-timeline="{…props}"></template>`, when asked for HTML. */
export function timelinePlaceholders() {
  return {
    name: 'chronicle-timeline-placeholders',
    before(root: Parameters<MdastHookFn>[0], ctx: Parameters<MdastHookFn>[1]): void {
      if (!componentsAsHtml(ctx.data)) return;
      const visit = (node: JsxNode) => {
        if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Timeline') {
          const placeholder = {
            type: 'chronicleTimeline',
            data: { hName: TIMELINE_PLACEHOLDER.tag, hProperties: { dataChronicleTimeline: JSON.stringify(timelineProps(node)) } },
            children: [],
          };
          ctx.replaceNode(node as unknown as MdastTarget, placeholder as never);
          return;
        }
        node.children?.forEach(visit);
      };
      visit(root as unknown as JsxNode);
    },
  } satisfies MdastPluginDefinition;
}
