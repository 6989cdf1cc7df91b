import { fromHtml } from 'hast-util-from-html';
import { toMdast, defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Element, ElementContent, Root } from 'hast';
import type { Nodes as MdastNodes, PhrasingContent } from 'mdast';
import type { Note } from './model.ts';
import { embedLink } from './embeds.ts';

/**
 * HTML bodies (WordPress posts, feed items) to Markdown, with the maintained
 * hast → mdast → Markdown converters. What Chronicle adds: figures in
 * Chronicle's own form, `![alt](./x.jpg "Caption")` (src/lib/markdown/figures.ts
 * makes that a `<figure>`; a caption is plain text there, so its markup goes),
 * embeds as plain links, pictures pointed at their downloaded copies,
 * old links pointed at the new addresses, and a note for everything dropped.
 */

export interface PictureChoice {
  /** The site path of the downloaded copy; undefined when the download failed. */
  src?: string | undefined;
  alt: string;
}

export interface ConvertOptions {
  /** Decides where a picture points and its alt text (`id` is WordPress's attachment id, from `wp-image-12`). */
  picture(url: string, alt: string, id: string | undefined): PictureChoice;
  /** A link's new target (an old permalink or `?p=123` becomes the new address); the same href when unknown. */
  link(href: string): string;
  notes: Note[];
}

/** The `<img>` addresses in a piece of HTML, in order, so they can be downloaded before converting. */
export function pictureUrls(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
}

const decodeEntities = (value: string) => (value.includes('&') ? toText(fromHtml(value, { fragment: true })) : value);

const classes = (node: Element) => {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : [];
};

function find(node: Element | Root, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inner = find(child, test);
    if (inner) return inner;
  }
  return undefined;
}

const isTag = (name: string) => (element: Element) => element.tagName === name;

export function htmlToMarkdown(html: string, options: ConvertOptions): string {
  const tree = fromHtml(html, { fragment: true });

  const choose = (img: Element): PictureChoice & { url: string } => {
    const url = String(img.properties?.src ?? '');
    const id = classes(img).map((c) => /^wp-image-(\d+)$/.exec(c)?.[1]).find(Boolean);
    return { url, ...options.picture(url, String(img.properties?.alt ?? '').trim(), id) };
  };

  /**
   * A picture alone in its paragraph, its caption the title (plain text: a link in it is listed, since its
   * address would be lost); a picture not fetched is a link to it, the caption after with its markup.
   */
  const figureNode = (state: State, img: Element, captionElement: Element | undefined): MdastNodes => {
    const choice = choose(img);
    const caption = captionElement ? toText(captionElement).replace(/\s+/g, ' ').trim() : '';
    if (choice.src) {
      const links = [] as string[];
      const collect = (e: Element | Root) => e.children.forEach((c) => c.type === 'element' && (c.tagName === 'a' && c.properties?.href ? links.push(String(c.properties.href)) : collect(c)));
      if (captionElement) collect(captionElement);
      if (links.length) {
        options.notes.push({ kind: 'unconvertible', detail: `the caption "${caption}" linked to ${links.join(', ')}; a figure's caption is plain text, so the link was dropped: put it in the text if it matters`, needle: caption.slice(0, 40) });
      }
      return { type: 'paragraph', children: [{ type: 'image', url: choice.src, alt: choice.alt, title: caption || null }] };
    }
    const link: MdastNodes = { type: 'link', url: choice.url, title: null, children: [{ type: 'text', value: choice.alt ? `Picture: ${choice.alt}` : 'Picture' }] };
    const words = captionElement && caption ? (state.all(captionElement) as PhrasingContent[]) : [];
    return { type: 'paragraph', children: words.length ? [link, { type: 'text', value: ' (' }, ...words, { type: 'text', value: ')' }] : [link] };
  };

  const linkNode = (state: State, node: Element, url: string, title: string): MdastNodes => {
    const result: MdastNodes = { type: 'paragraph', children: [{ type: 'link', url, title: null, children: [{ type: 'text', value: title }] }] };
    state.patch(node, result);
    return result;
  };

  const dropped = (what: string): Handle => () => {
    options.notes.push({ kind: 'unconvertible', detail: `${what} was removed: it would run or load something from another site` });
  };

  const handlers: Record<string, Handle> = {
    figure(state, node) {
      if (classes(node).some((c) => c === 'wp-block-embed' || c.startsWith('wp-block-embed'))) {
        const address = find(node, isTag('iframe'))?.properties?.src ?? find(node, isTag('a'))?.properties?.href ?? toText(node).trim();
        const embed = embedLink(String(address));
        if (embed) return linkNode(state, node, embed.url, embed.title);
      }
      const img = find(node, isTag('img'));
      if (!img) return state.all(node) as MdastNodes[];
      const result = figureNode(state, img, find(node, isTag('figcaption')));
      state.patch(node, result);
      return result;
    },
    img(state, node) {
      const choice = choose(node);
      if (!choice.src) return { type: 'link', url: choice.url, title: null, children: [{ type: 'text', value: choice.alt ? `Picture: ${choice.alt}` : 'Picture' }] };
      const result: MdastNodes = { type: 'image', url: choice.src, alt: choice.alt, title: null };
      state.patch(node, result);
      return result;
    },
    a(state, node) {
      const result = defaultHandlers.a(state, node);
      if (result && !Array.isArray(result) && result.type === 'link') result.url = options.link(result.url);
      return result;
    },
    iframe(state, node) {
      const embed = embedLink(String(node.properties?.src ?? ''), node.properties?.title ? String(node.properties.title) : undefined);
      if (!embed) return dropped('an <iframe> with no usable address')(state, node, undefined);
      if (!/youtube|vimeo|x\.com|twitter/.test(embed.url)) {
        options.notes.push({ kind: 'unconvertible', detail: `an embedded frame from ${new URL(embed.url).hostname} became a link`, needle: embed.url });
      }
      return linkNode(state, node, embed.url, embed.title);
    },
    blockquote(state, node) {
      if (classes(node).some((c) => c === 'twitter-tweet' || c === 'instagram-media')) {
        const links = [] as Element[];
        const collect = (e: Element | Root) => e.children.forEach((c) => c.type === 'element' && (c.tagName === 'a' ? links.push(c) : collect(c)));
        collect(node);
        const status = links.map((a) => String(a.properties?.href ?? '')).reverse().find((href) => /\/status\/|instagram\.com\/p\//.test(href));
        const firstParagraph = find(node, isTag('p'));
        const words = firstParagraph ? toText(firstParagraph).trim() : '';
        const embed = status ? embedLink(status) : undefined;
        if (embed) return linkNode(state, node, embed.url, words ? `${embed.title}: “${words.length > 120 ? `${words.slice(0, 117)}…` : words}”` : embed.title);
      }
      return defaultHandlers.blockquote(state, node);
    },
    pre(state, node) {
      const code = find(node, isTag('code'));
      const candidates = [...(code ? classes(code) : []), ...classes(node)];
      let lang = candidates.map((c) => /^(?:language|lang)-([\w+#-]+)$/.exec(c)?.[1]).find(Boolean);
      // SyntaxHighlighter writes class="brush: php; gutter: false".
      lang ??= /brush:\s*([\w+#-]+)/.exec(candidates.join(' '))?.[1];
      lang ??= (code ?? node).properties?.dataLang ? String((code ?? node).properties.dataLang) : undefined;
      const result: MdastNodes = { type: 'code', lang: lang?.toLowerCase() ?? null, meta: null, value: toText(node, { whitespace: 'pre' }).replace(/\n$/, '') };
      state.patch(node, result);
      return result;
    },
    script(_state, node) {
      const src = String(node.properties?.src ?? '');
      // The loader script that accompanies every embedded post has nothing left to load.
      if (/platform\.twitter\.com|instagram\.com\/embed/.test(src)) return;
      options.notes.push({ kind: 'unconvertible', detail: `a <script>${src ? ` from ${src}` : ''} was removed: pages run no third-party script` });
    },
    style: dropped('a <style> block'),
    object: dropped('an <object>'),
    embed: dropped('an <embed>'),
    form: dropped('a <form>'),
    svg: dropped('an inline <svg> drawing'),
    video: (state, node) => mediaLink(state, node, 'Video'),
    audio: (state, node) => mediaLink(state, node, 'Audio'),
  };

  function mediaLink(state: State, node: Element, what: string) {
    const source = node.properties?.src ?? find(node, isTag('source'))?.properties?.src;
    if (!source) return dropped(`a <${what.toLowerCase()}> with no address`)(state, node, undefined);
    const url = String(source);
    return linkNode(state, node, url, `${what}: ${url.split('/').pop()}`);
  }

  // Comments (Gutenberg's block markers among them) are the old editor's, not the reader's.
  const mdast = toMdast(tree as Root, { handlers, nodeHandlers: { comment: () => undefined } });
  return toMarkdown(mdast, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    extensions: [gfmToMarkdown()],
  }).trim();
}

export type { ElementContent };
