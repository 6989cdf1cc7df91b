import type { Note } from './model.ts';
import { embedLink, embedMarkdown } from './embeds.ts';
import { parseAttributes } from './wp-shortcodes.ts';

/**
 * Hugo shortcodes (`{{< figure … >}}`) and Jekyll's Liquid tags
 * (`{% highlight ruby %}`) in Markdown bodies: the common ones become the
 * Markdown or HTML they stand for; the rest stay in the text, visible, and
 * are listed for a person. Fenced code blocks are left exactly as written.
 */

export interface TagContext {
  notes: Note[];
  /** The new address of another post of the same source (`ref`, `post_url`, `link`), when there is one. */
  resolvePost(reference: string): string | undefined;
}

/** Applies `change` to the text outside fenced code blocks. */
export function outsideFences(markdown: string, change: (text: string) => string): string {
  const parts = markdown.split(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/m);
  const fences = [...markdown.matchAll(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm)].map((m) => m[0]);
  // split() with a capture group interleaves the captured fence marker; drop it.
  const texts = parts.filter((_, index) => index % 2 === 0);
  return texts.map((text, index) => change(text) + (fences[index] ?? '')).join('');
}

/** Hugo's `figure` in Chronicle's own figure form, `![alt](src "Caption")`, its picture then fetched like any other. */
function figure(src: string, alt: string, caption: string | undefined): string {
  const title = caption?.replace(/\s+/g, ' ').trim();
  return `![${alt.replace(/[[\]\\]/g, '\\$&')}](${src.replace(/[\s()]/g, encodeURIComponent)}${title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : ''})`;
}

function fence(language: string | undefined, code: string): string {
  const lang = language && /^[\w+#-]+$/.test(language) ? language.toLowerCase() : '';
  return `\`\`\`${lang}\n${code.replace(/^\r?\n/, '').replace(/\s+$/, '')}\n\`\`\``;
}

function unknown(context: TagContext, raw: string, what: string): undefined {
  const shown = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
  context.notes.push({ kind: 'unknown-shortcode', detail: `${what} is not known and was left as text: ${shown}`, needle: raw.split('\n')[0]!.slice(0, 40) });
  return undefined;
}

function link(context: TagContext, reference: string, raw: string): string | undefined {
  return context.resolvePost(reference) ?? unknown(context, raw, `the link to "${reference}"`);
}

export function expandHugoShortcodes(markdown: string, context: TagContext): string {
  return outsideFences(markdown, (text) => text.replace(
    /\{\{([<%])\s*([\w-]+)([^]*?)\s*[>%]\}\}(?:([^]*?)\{\{[<%]\s*\/\2\s*[>%]\}\})?/g,
    (raw, _delimiter: string, name: string, rawAttributes: string, inner: string | undefined) => {
      const { named, positional } = parseAttributes(rawAttributes);
      const first = named.id ?? positional[0] ?? '';
      switch (name.toLowerCase()) {
        case 'figure':
          return figure(named.src ?? '', named.alt ?? '', named.caption ?? named.title);
        case 'youtube':
        case 'vimeo': {
          const address = name === 'youtube' ? `https://www.youtube.com/watch?v=${first}` : `https://vimeo.com/${first}`;
          const embed = embedLink(address, named.title);
          return embed ? embedMarkdown(embed) : raw;
        }
        case 'tweet':
        case 'x': {
          const user = named.user ?? 'i';
          const embed = embedLink(`https://x.com/${user}/status/${named.id ?? positional.at(-1) ?? ''}`);
          return embed ? embedMarkdown(embed) : raw;
        }
        case 'gist':
          return `[Gist ${positional[1] ?? ''} by ${positional[0] ?? ''}](https://gist.github.com/${positional[0] ?? ''}/${positional[1] ?? ''})`;
        case 'highlight':
          if (inner !== undefined) return fence(positional[0], inner);
          break;
        case 'ref':
        case 'relref':
          return link(context, first, raw) ?? raw;
      }
      return unknown(context, raw, `the Hugo shortcode "${name}"`) ?? raw;
    },
  ));
}

export function expandLiquidTags(markdown: string, context: TagContext): string {
  return outsideFences(markdown, (text) => text
    .replace(/\{%-?\s*highlight\s+([\w+#-]+)[^%]*-?%\}([^]*?)\{%-?\s*endhighlight\s*-?%\}/g, (_raw, lang: string, code: string) => fence(lang, code))
    .replace(/\{%-?\s*(?:raw|endraw)\s*-?%\}/g, '')
    // site.url and site.baseurl prefix the old site's own links, which are kept as paths.
    .replace(/\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}/g, '')
    .replace(/\{%-?\s*([\w-]+)([^%]*?)-?%\}/g, (raw, name: string, rawAttributes: string) => {
      const { positional } = parseAttributes(rawAttributes);
      const first = positional[0] ?? '';
      switch (name) {
        case 'post_url':
        case 'link':
          return link(context, first, raw) ?? raw;
        case 'youtube':
        case 'vimeo': {
          const embed = embedLink(name === 'youtube' ? `https://www.youtube.com/watch?v=${first}` : `https://vimeo.com/${first}`);
          return embed ? embedMarkdown(embed) : raw;
        }
        case 'tweet':
        case 'twitter': {
          const embed = embedLink(first);
          return embed ? embedMarkdown(embed) : raw;
        }
      }
      return unknown(context, raw, `the Liquid tag "${name}"`) ?? raw;
    })
    .replace(/\{\{-?[^}]*?-?\}\}/g, (raw) => unknown(context, raw, 'a Liquid variable') ?? raw));
}
