import type { Note, SourceArchive, SourceAttachment } from './model.ts';
import type { ArticlePlan } from './identity.ts';
import { expandWordPressShortcodes } from './wp-shortcodes.ts';
import { autoParagraphs } from './wordpress.ts';
import { expandHugoShortcodes, expandLiquidTags, outsideFences } from './template-tags.ts';
import { htmlToMarkdown, pictureUrls } from './html-to-markdown.ts';
import type { PictureOutcome } from './pictures.ts';

/**
 * An article's body in two steps: `prepareBody` expands shortcodes and
 * lists the pictures it names (so they can all be fetched first), and
 * `finishBody` turns it into Markdown pointing at the fetched copies.
 */

export interface PreparedBody {
  format: 'html' | 'markdown';
  text: string;
  pictures: string[];
}

const MARKDOWN_PICTURE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"((?:[^"\\]|\\.)*)")?\s*\)/g;
const HTML_SRC = /(<img\b[^>]*?\ssrc\s*=\s*")([^"]*)(")/gi;

export function prepareBody(plan: ArticlePlan, archive: SourceArchive, attachments: ReadonlyMap<string, SourceAttachment>, resolvePost: (reference: string) => string | undefined): PreparedBody {
  const { article } = plan;
  if (article.body.format === 'html') {
    let html = article.body.text;
    if (archive.kind === 'wordpress') html = autoParagraphs(expandWordPressShortcodes(html, attachments, plan.notes));
    return { format: 'html', text: html, pictures: pictureUrls(html) };
  }
  const context = { notes: plan.notes, resolvePost };
  const text = archive.kind === 'hugo' ? expandHugoShortcodes(article.body.text, context) : archive.kind === 'jekyll' ? expandLiquidTags(article.body.text, context) : article.body.text;
  const pictures: string[] = [];
  outsideFences(text, (part) => {
    for (const match of part.matchAll(MARKDOWN_PICTURE)) pictures.push(match[2]!);
    for (const match of part.matchAll(HTML_SRC)) pictures.push(match[2]!.replace(/&amp;/g, '&'));
    return part;
  });
  return { format: 'markdown', text, pictures };
}

/** A picture's address without WordPress's size suffix (`photo-300x200.jpg` → `photo.jpg`), to find its attachment. */
const fullSize = (url: string) => url.split(/[?#]/)[0]!.replace(/-\d+x\d+(\.\w+)$/, '$1').replace(/^https?:/, '');

export interface BodyContext {
  attachments: ReadonlyMap<string, SourceAttachment>;
  /** Fetched pictures by `pictureKey(…)`; absent when pictures are not fetched. */
  pictures: ReadonlyMap<string, PictureOutcome> | undefined;
  link(href: string): string;
}

/** A picture's key among the fetched ones: an article's own copy of an address (the lead picture shares it with the text). */
export const pictureKey = (articleId: string, address: string) => `${articleId}\n${address}`;

export function pictureLookup(context: BodyContext) {
  const byUrl = new Map<string, SourceAttachment>();
  for (const attachment of context.attachments.values()) byUrl.set(fullSize(attachment.url), attachment);
  return (plan: ArticlePlan, url: string, alt: string, attachmentId?: string, featured = false) => {
    const attachment = (attachmentId ? context.attachments.get(attachmentId) : undefined) ?? byUrl.get(fullSize(url));
    const text = alt || attachment?.alt || '';
    const outcome = context.pictures?.get(pictureKey(plan.id, url));
    const src = outcome?.ok ? outcome.picture.src : undefined;
    const shown = src ?? url;
    if (!text && (!featured || src)) {
      const file = url.split('/').pop();
      plan.notes.push({
        kind: 'missing-alt',
        // Without a copy (--no-pictures, or the download failed) the picture is only a link named "Picture".
        detail: featured
          ? `the featured picture has no alt text (${file}); the title stands in for it in image.alt: say what the picture shows`
          : src
            ? `a picture has no alt text (${file}), and the build refuses it until it has: say what it shows in ![…](${shown}), or mark a purely decorative picture ![](${shown} "decorative")`
            : `a picture has no alt text (${file}); it is written as a link named "Picture" to ${url}: say what it shows in the link's text`,
        needle: shown,
      });
    }
    if (outcome && !outcome.ok && !plan.notes.some((n) => n.kind === 'failed-download' && n.needle === url)) {
      plan.notes.push({ kind: 'failed-download', detail: `the ${featured ? 'featured ' : ''}picture ${url} could not be fetched (${outcome.reason}); ${featured ? 'the article has no lead picture' : 'the article links to it instead'}`, needle: url });
    }
    return { src, alt: text };
  };
}

const escapeAlt = (value: string) => value.replace(/[[\]\\]/g, '\\$&');
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function finishBody(plan: ArticlePlan, body: PreparedBody, context: BodyContext): string {
  const choose = pictureLookup(context);
  if (body.format === 'html') {
    return htmlToMarkdown(body.text, {
      notes: plan.notes,
      link: context.link,
      picture: (url, alt, id) => choose(plan, url, alt, id),
    });
  }
  return outsideFences(body.text, (part) => part
    .replace(MARKDOWN_PICTURE, (_all, alt: string, url: string, title: string | undefined) => {
      const choice = choose(plan, url, alt.trim());
      return choice.src ? `![${choice.alt}](${choice.src}${title ? ` "${title}"` : ''})` : `[${choice.alt ? `Picture: ${choice.alt}` : 'Picture'}](${url})`;
    })
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const url = /\ssrc\s*=\s*"([^"]*)"/i.exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? '';
      const alt = /\salt\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '';
      const choice = choose(plan, url, alt.replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim());
      // A Markdown picture, so the build optimises it and checks its alt text like any other.
      return choice.src ? `![${escapeAlt(choice.alt)}](${choice.src})` : `<a href="${escapeAttribute(url)}">${escapeAttribute(choice.alt ? `Picture: ${choice.alt}` : 'Picture')}</a>`;
    })
    .replace(/(?<!!)\[([^\]]*)\]\(([^)\s]+)\)/g, (all, words: string, href: string) => {
      const target = context.link(href);
      return target === href ? all : `[${words}](${target})`;
    })).trim();
}

export type { Note };
