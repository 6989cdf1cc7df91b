import type { ArticlePlan } from './identity.ts';
import type { SourceLead } from './model.ts';
import type { ArticleFile } from './article-file.ts';
import { htmlText, markdownText } from './article-file.ts';
import { pictureKey, type pictureLookup } from './bodies.ts';
import type { PictureOutcome } from './pictures.ts';
import { SHARE_CARD } from '../core/picture-crops.ts';

/**
 * An imported article's lead picture (`image`), from the featured picture the
 * source names: the copy fetched beside the article, its alt text, caption
 * and credit as plain text. Without a copy (a failed download, or
 * --no-pictures) the article has none: a lead picture on another site is refused.
 */

/** The frontmatter's limits (src/schemas/article.ts). */
const MAX_CAPTION = 400;
const MAX_CREDIT = 200;

/** At most `max` characters, cut at a word with "…" when longer. */
function clip(text: string, max: number): string | undefined {
  if (!text) return undefined;
  if (text.length <= max) return text;
  const word = text.slice(0, max - 1).lastIndexOf(' ');
  return `${text.slice(0, word > max / 2 ? word : max - 1).trimEnd()}…`;
}

export interface LeadContext {
  choose: ReturnType<typeof pictureLookup>;
  fetched: ReadonlyMap<string, PictureOutcome> | undefined;
  /** The article's title, the alt text's stand-in when the source has none (the report says so). */
  title: string;
  /** Whether the source's words are HTML (WordPress, feeds) or Markdown (Hugo, Jekyll). */
  isHtml: boolean;
}

export function leadPicture(plan: ArticlePlan, lead: SourceLead, context: LeadContext): ArticleFile['image'] {
  const plain = (value: string | undefined) => (value ? (context.isHtml ? htmlText(value) : markdownText(value)) : '');
  const choice = context.choose(plan, lead.address, plain(lead.alt), undefined, true);
  if (!choice.src) {
    // A failed download is reported by the lookup; one not fetched at all is said here, so the picture is not lost unsaid.
    if (!context.fetched?.has(pictureKey(plan.id, lead.address))) {
      plan.notes.push({ kind: 'failed-download', detail: `the featured picture ${lead.address} was not fetched${context.fetched ? ' (its address leads nowhere the import can fetch from)' : ' (--no-pictures)'}, so the article has no lead picture` });
    }
    return undefined;
  }
  const outcome = context.fetched?.get(pictureKey(plan.id, lead.address));
  const small = outcome?.ok ? outcome.picture.small : undefined;
  if (small) {
    plan.notes.push({
      kind: 'small-lead',
      detail: `the featured picture is ${small.width}×${small.height} pixels, smaller than a share card (${SHARE_CARD.width}×${SHARE_CARD.height}), so it is sent as it is from ${choice.src} and link previews crop nothing from it: put a larger picture beside the article and point image.src at it`,
      needle: choice.src,
    });
  }
  return {
    src: choice.src,
    alt: choice.alt || context.title,
    caption: clip(plain(lead.caption), MAX_CAPTION),
    credit: clip(plain(lead.credit), MAX_CREDIT),
  };
}
