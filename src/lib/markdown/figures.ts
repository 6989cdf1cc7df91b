import type { MdastHookFn, MdastPluginDefinition, MdastTarget } from 'satteri';
import { DECORATIVE } from '../content/check-pictures.ts';
import { componentsAsHtml } from './mdx-components.ts';

/**
 * How wide a picture in the text column is drawn, for the browser's choice
 * among the widths Astro's image pipeline makes (`srcset`): the column is
 * `--measure` (68ch of the body face, about 38rem) beside the 15rem topic
 * list and the page's gaps on wide screens, and the screen less its margins
 * on phones (src/styles/global.css). The e2e picture test checks this against
 * the column Chromium lays out.
 */
export const COLUMN_SIZES = '(min-width: 48.01rem) min(calc(100vw - 21.5rem), 38rem), calc(100vw - 2rem)';

interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  url?: string;
  title?: string | null;
  alt?: string | null;
  children?: Node[];
  data?: Record<string, unknown>;
}

const element = (type: string, hName: string, children: unknown[], hProperties: Record<string, unknown> = {}) =>
  ({ type, data: { hName, hProperties }, children });

/** A picture on a line of its own: a paragraph holding one image and nothing but spaces. */
function loneImage(paragraph: Node): Node | undefined {
  const meaningful = (paragraph.children ?? []).filter((child) => !(child.type === 'text' && !String((child as { value?: string }).value ?? '').trim()));
  return meaningful.length === 1 && meaningful[0]!.type === 'image' ? meaningful[0] : undefined;
}

/**
 * `<Figure src="./x.jpg" alt="…" caption="…" credit="…" />` in MDX: the
 * picture becomes a Markdown image inside the component, so MDX imports and
 * optimises the file exactly as it does `![alt](./x.jpg)`; the component
 * (src/components/Figure.astro) keeps the caption and credit.
 */
function figureWithImage(node: Node): Node {
  const attributes = node.attributes ?? [];
  const text = (name: string) => {
    const value = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    return typeof value === 'string' ? value : undefined;
  };
  const src = text('src');
  const kept = attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && (a.name === 'src' || a.name === 'alt')));
  const image = { type: 'image', url: src ?? '', alt: text('alt') ?? '', data: { hProperties: { sizes: COLUMN_SIZES } } };
  return { type: node.type, name: node.name, attributes: kept, children: src ? [image as Node] : [] } as Node;
}

/**
 * `<Figure>` written as the HTML src/components/Figure.astro writes, for MDX
 * rendered when content is loaded (src/lib/markdown/mdx-components.ts).
 */
function figureElement(node: Node): Node {
  const withImage = figureWithImage(node);
  const text = (name: string) => {
    const value = withImage.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    return typeof value === 'string' && value ? value : undefined;
  };
  const caption = text('caption');
  const credit = text('credit');
  const children: unknown[] = [...(withImage.children ?? [])];
  if (caption || credit) {
    const parts: unknown[] = [];
    if (caption) parts.push({ type: 'text', value: caption });
    if (caption && credit) parts.push({ type: 'text', value: ' ' });
    if (credit) parts.push(element('figureCredit', 'span', [element('figureBdi', 'bdi', [{ type: 'text', value: credit }])], { className: ['credit'] }));
    children.push(element('figureCaption', 'figcaption', parts));
  }
  return element('figureElement', 'figure', children, { className: ['figure'] }) as Node;
}

/**
 * The Sätteri mdast plugin behind pictures in Markdown: every image is told
 * the column's sizes (Astro's pipeline then writes `srcset` and `sizes`), and
 * an image alone in its paragraph with a title, `![alt](./x.jpg "Caption")`,
 * becomes `<figure class="figure">` with the title as its `<figcaption>`, the
 * way `<Figure>` sets it in MDX. The image node itself is kept (only its
 * parent changes), so Astro still finds and optimises the file.
 */
export function figuresPlugin() {
  return {
    name: 'chronicle-figures',
    before(root: Parameters<MdastHookFn>[0], ctx: Parameters<MdastHookFn>[1]): void {
      const asHtml = componentsAsHtml(ctx.data);
      const visit = (node: Node) => {
        // Only pictures Astro optimises get a `srcset` (files beside the article or in content/images/);
        // `sizes` without one is invalid HTML, so a public/ path or a URL is left as written.
        if (node.type === 'image' && node.url && !node.url.startsWith('/') && !URL.canParse(node.url)) {
          ctx.setProperty(node as unknown as MdastTarget, 'data', { ...node.data, hProperties: { ...(node.data?.hProperties as object), sizes: COLUMN_SIZES } });
        }
        if (node.type === 'mdxJsxFlowElement' && node.name === 'Figure') {
          ctx.replaceNode(node as unknown as MdastTarget, (asHtml ? figureElement(node) : figureWithImage(node)) as never);
          return;
        }
        const image = node.type === 'paragraph' ? loneImage(node) : undefined;
        if (image?.title?.trim() === DECORATIVE) {
          // Decoration: empty alt text, no tooltip, no caption.
          ctx.setProperty(image as unknown as MdastTarget, 'title' as never, null as never);
        } else if (image?.title?.trim()) {
          ctx.setProperty(node as unknown as MdastTarget, 'data', { hName: 'figure', hProperties: { className: ['figure'] } });
          ctx.appendChild(node as unknown as MdastTarget, element('figureCaption', 'figcaption', [{ type: 'text', value: image.title.trim() }]) as never);
          ctx.setProperty(image as unknown as MdastTarget, 'title' as never, null as never);
        }
        node.children?.forEach(visit);
      };
      visit(root as unknown as Node);
    },
  } satisfies MdastPluginDefinition;
}
