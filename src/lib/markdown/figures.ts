import type { MdastHookFn, MdastPluginDefinition, MdastTarget } from 'satteri';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DECORATIVE, definitions } from '../content/check-pictures.ts';
import { cachedPicture } from '../content/remote-pictures.ts';
import { componentsAsHtml } from './mdx-components.ts';
import { jsxText } from '../content/components.ts';

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
  identifier?: string;
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

/** A picture on a line of its own: a paragraph holding one image (inline or by reference) and nothing but spaces. */
function loneImage(paragraph: Node): Node | undefined {
  const meaningful = (paragraph.children ?? []).filter((child) => !(child.type === 'text' && !String((child as { value?: string }).value ?? '').trim()));
  return meaningful.length === 1 && /^image(Reference)?$/.test(meaningful[0]!.type) ? meaningful[0] : undefined;
}

/**
 * `<Figure src="./x.jpg" alt="…" caption="…" credit="…" />` in MDX: the
 * picture becomes a Markdown image inside the component, so MDX imports and
 * optimises the file exactly as it does `![alt](./x.jpg)`; the component
 * (src/components/Figure.astro) keeps the caption and credit.
 */
function figureWithImage(node: Node, ownCopy: (url: string) => string | undefined): Node {
  const attributes = node.attributes ?? [];
  const text = (name: string) => jsxText(node, name);
  const written = text('src');
  const src = written && (ownCopy(written) ?? written);
  const kept = attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && (a.name === 'src' || a.name === 'alt')));
  const image = { type: 'image', url: src ?? '', alt: text('alt') ?? '', data: { hProperties: { sizes: COLUMN_SIZES } } };
  return { type: node.type, name: node.name, attributes: kept, children: src ? [image as Node] : [] } as Node;
}

/**
 * `<Figure>` written as the HTML src/components/Figure.astro writes, for MDX
 * rendered when content is loaded (src/lib/markdown/mdx-components.ts).
 */
function figureElement(node: Node, ownCopy: (url: string) => string | undefined): Node {
  const withImage = figureWithImage(node, ownCopy);
  const text = (name: string) => jsxText(withImage, name) || undefined;
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
export function figuresPlugin(options: { pictureCache?: string } = {}) {
  return {
    name: 'chronicle-figures',
    before(root: Parameters<MdastHookFn>[0], ctx: Parameters<MdastHookFn>[1]): void {
      const asHtml = componentsAsHtml(ctx.data);
      // A picture on a trusted host, downloaded before the build (src/lib/content/remote-pictures.ts),
      // is pointed at its copy by a path relative to the article, so Astro optimises it as its own.
      const ownCopy = (url: string) => {
        if (!options.pictureCache || !ctx.fileURL || !/^https?:/i.test(url)) return undefined;
        let copy: string | undefined;
        try {
          copy = cachedPicture(options.pictureCache, decodeURI(url)); // the validation pass keys it on the decoded URL
        } catch {
          return undefined; // a malformed escape: not a URL the pass downloaded
        }
        if (!copy) return undefined;
        const path = relative(dirname(fileURLToPath(ctx.fileURL!)), copy).split(sep).join('/');
        return path.startsWith('../') ? path : `./${path}`;
      };
      // `![alt][ref]` is written as the image its definition makes, so Astro's pipeline, which
      // collects only inline images, optimises it too; `untitled` holds those whose title became a caption.
      const defined = definitions(root as unknown as Node);
      const untitled = new Set<Node>();
      const fromReference = (reference: Node): Node | undefined => {
        const definition = defined.get(reference.identifier ?? '');
        if (!definition) return undefined;
        const url = ownCopy(definition.url ?? '') ?? definition.url ?? '';
        const optimised = !url.startsWith('/') && !URL.canParse(url);
        return { type: 'image', url, alt: reference.alt ?? '', title: untitled.has(reference) ? null : definition.title ?? null, ...(optimised ? { data: { hProperties: { sizes: COLUMN_SIZES } } } : {}) };
      };
      const visit = (node: Node) => {
        const image = node.type === 'imageReference' ? fromReference(node) : undefined;
        if (image) {
          ctx.replaceNode(node as unknown as MdastTarget, image as never);
          return;
        }
        const copy = node.type === 'image' && node.url ? ownCopy(node.url) : undefined;
        if (copy) ctx.setProperty(node as unknown as MdastTarget, 'url' as never, copy as never);
        const url = copy ?? node.url;
        // Only pictures Astro optimises get a `srcset` (files beside the article or in content/images/);
        // `sizes` without one is invalid HTML, so a public/ path or a URL is left as written.
        if (node.type === 'image' && url && !url.startsWith('/') && !URL.canParse(url)) {
          ctx.setProperty(node as unknown as MdastTarget, 'data', { ...node.data, hProperties: { ...(node.data?.hProperties as object), sizes: COLUMN_SIZES } });
        }
        if (node.type === 'mdxJsxFlowElement' && node.name === 'Figure') {
          ctx.replaceNode(node as unknown as MdastTarget, (asHtml ? figureElement(node, ownCopy) : figureWithImage(node, ownCopy)) as never);
          return;
        }
        const lone = node.type === 'paragraph' ? loneImage(node) : undefined;
        const title = lone?.type === 'imageReference' ? defined.get(lone.identifier ?? '')?.title : lone?.title;
        const dropTitle = (picture: Node) => {
          if (picture.type === 'imageReference') untitled.add(picture);
          else ctx.setProperty(picture as unknown as MdastTarget, 'title' as never, null as never);
        };
        if (lone && title?.trim() === DECORATIVE) {
          dropTitle(lone); // decoration: empty alt text, no tooltip, no caption
        } else if (lone && title?.trim()) {
          ctx.setProperty(node as unknown as MdastTarget, 'data', { hName: 'figure', hProperties: { className: ['figure'] } });
          ctx.appendChild(node as unknown as MdastTarget, element('figureCaption', 'figcaption', [{ type: 'text', value: title.trim() }]) as never);
          dropTitle(lone);
        }
        node.children?.forEach(visit);
      };
      visit(root as unknown as Node);
    },
  } satisfies MdastPluginDefinition;
}
