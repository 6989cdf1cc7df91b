import type { Note, SourceAttachment } from './model.ts';
import { embedHtml, embedLink, escapeHtml } from './embeds.ts';

/**
 * WordPress shortcodes in a post's HTML, turned into the HTML they stand for
 * before the HTML is converted: `[caption]` into a figure, `[embed]` and
 * `[youtube]` into links, `[code]` into a code block, `[gallery]` into
 * figures. Any other shortcode stays in the text, where a reader will see
 * it, and is listed for a person to decide.
 */

export interface Attributes {
  named: Record<string, string>;
  positional: string[];
}

/** `id="a" align='b' width=300 https://…` → named and positional values. */
export function parseAttributes(text: string): Attributes {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  const pattern = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const name = match[1] ?? match[3] ?? match[5];
    if (name) named[name.toLowerCase()] = match[2] ?? match[4] ?? match[6] ?? '';
    else positional.push(match[7] ?? match[8] ?? match[9] ?? '');
  }
  return { named, positional };
}

interface Shortcode {
  name: string;
  attributes: Attributes;
  /** Text between `[name]` and `[/name]`, when closed. */
  content?: string | undefined;
  /** The shortcode as written, for the report. */
  raw: string;
}

/**
 * Every shortcode in `text`, outermost first, each replaced by what `replace`
 * returns (undefined keeps it as written). `[[name]]` is WordPress's way of
 * writing a shortcode as text, and becomes `[name]`.
 */
export function replaceShortcodes(text: string, replace: (code: Shortcode) => string | undefined): string {
  const open = /\[(\[?)([a-zA-Z][\w-]*)(=[^\]]*|\s[^\]]*)?\](\]?)/g;
  let out = '';
  let last = 0;
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const [whole, escapeOpen, name = '', rawAttributes = '', escapeClose] = match;
    if (escapeOpen && escapeClose) {
      out += text.slice(last, match.index) + whole.slice(1, -1);
      last = match.index + whole.length;
      continue;
    }
    const selfClosed = rawAttributes.trimEnd().endsWith('/');
    const closeTag = `[/${name}]`;
    const closeAt = selfClosed ? -1 : text.indexOf(closeTag, match.index + whole.length);
    const end = closeAt >= 0 ? closeAt + closeTag.length : match.index + whole.length;
    const attributes = parseAttributes(rawAttributes.replace(/\/$/, '').replace(/^=/, 'url='));
    if (rawAttributes.startsWith('=')) attributes.positional.unshift(attributes.named.url ?? '');
    const code: Shortcode = {
      name: name.toLowerCase(),
      attributes,
      content: closeAt >= 0 ? text.slice(match.index + whole.length, closeAt) : undefined,
      raw: text.slice(match.index, end),
    };
    const replacement = replace(code);
    if (replacement === undefined) continue; // kept as written; shortcodes inside it are looked at too
    out += text.slice(last, match.index) + replacement;
    last = end;
    open.lastIndex = end;
  }
  return out + text.slice(last);
}

/** A shortcode-looking bracket that is plainly markup: attributes, a closing tag, or `/]`. Not `[sic]` or `[1]`. */
export function looksLikeShortcode(code: Shortcode): boolean {
  return code.content !== undefined || /[=/]/.test(code.raw.slice(0, code.raw.indexOf(']') + 1)) || code.attributes.positional.some((p) => p.includes('='));
}

const escapeCode = (code: string) => code.replace(/&(?![a-z]+;|#\d+;|#x[\da-f]+;)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function figureHtml(inner: string, caption: string | undefined): string {
  const img = /<img\b[^>]*>/i.exec(inner)?.[0];
  if (!img) return inner;
  return `<figure>${img}${caption?.trim() ? `<figcaption>${caption.trim()}</figcaption>` : ''}</figure>`;
}

export function expandWordPressShortcodes(html: string, attachments: ReadonlyMap<string, SourceAttachment>, notes: Note[]): string {
  return replaceShortcodes(html, (code) => {
    const { named, positional } = code.attributes;
    switch (code.name) {
      case 'caption':
      case 'wp_caption': {
        const content = code.content ?? '';
        // The picture (maybe inside a link to the full size), then the caption text.
        const picture = /^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i.exec(content);
        const caption = named.caption ?? (picture ? content.slice(picture[0].length) : '');
        return figureHtml(picture?.[0] ?? content, caption);
      }
      case 'embed':
      case 'youtube':
      case 'vimeo':
      case 'tweet':
      case 'video':
      case 'audio': {
        const address = code.content?.trim() || named.url || named.src || named.mp4 || named.mp3 || positional[0] || '';
        const link = embedLink(address);
        if (!link) return undefined;
        if (code.name === 'video' || code.name === 'audio') link.title = `${code.name === 'video' ? 'Video' : 'Audio'}: ${link.url.split('/').pop()}`;
        return embedHtml(link);
      }
      case 'code':
      case 'sourcecode': {
        const language = named.language ?? named.lang ?? positional[0];
        const attribute = language && /^[\w+#-]+$/.test(language) ? ` class="language-${language.toLowerCase()}"` : '';
        return `<pre><code${attribute}>${escapeCode((code.content ?? '').replace(/^\r?\n/, ''))}</code></pre>`;
      }
      case 'gallery': {
        const ids = (named.ids ?? '').split(',').map((id) => id.trim()).filter(Boolean);
        const pictures = ids.map((id) => attachments.get(id));
        if (ids.length === 0 || pictures.some((p) => !p)) break;
        // An attachment's caption is HTML, as WordPress stores and shows it (links, emphasis).
        return pictures.map((p) => figureHtml(`<img src="${escapeHtml(p!.url)}" alt="${escapeHtml(p!.alt ?? '')}">`, p!.caption)).join('\n');
      }
    }
    if (looksLikeShortcode(code)) {
      const shown = code.raw.length > 60 ? `${code.raw.slice(0, 57)}…` : code.raw;
      notes.push({ kind: 'unknown-shortcode', detail: `[${code.name}] is not known and was left as text: ${shown}`, needle: code.raw.slice(1, 40).split('\n')[0] });
    }
    return undefined;
  });
}
