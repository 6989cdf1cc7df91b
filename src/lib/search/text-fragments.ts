/**
 * The highlight a search result carries to its article, with no script on
 * the article page: a text fragment (`#:~:text=…`) that the browser marks.
 * A text directive marks only the first place in the page that matches it,
 * so each occurrence of a matched word gets a directive of its own, anchored
 * by the words around it (`prefix-,word,-suffix`), with just enough of them
 * that no earlier place in the text matches the same way.
 *
 * The words come from the page's indexed text as Pagefind returns it with a
 * result (`content`, split on white space as Pagefind splits it, and the
 * positions of the matched words in it). Browsers match prefixes and
 * suffixes across paragraph boundaries, so a word that opens or closes a
 * paragraph is anchored like any other.
 */

export interface HighlightLimits {
  /** Occurrences marked at most (the first ones in the page). */
  occurrences?: number;
  /** Length of the fragment at most, in characters, so addresses stay shareable. */
  length?: number;
  /** Words of context on each side at most. */
  context?: number;
}

const DEFAULT_HIGHLIGHT_LIMITS: Required<HighlightLimits> = { occurrences: 20, length: 1500, context: 3 };

/** How Pagefind splits a page's text into the words its positions count. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
const EDGE_PUNCTUATION = /^([\p{P}\p{S}]*)(.*?)([\p{P}\p{S}]*)$/su;

/** Text as browsers compare it for a text fragment, near enough: without case or accents. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text directive value: percent-encoded, with the characters the syntax reserves (`-`, `,`, `&`) escaped too. */
const encodeDirectiveText = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

/**
 * One text directive per occurrence of a matched word (`locations` are word
 * positions in `content`), in page order, within the limits. Returns none
 * for text Pagefind splits on zero-width spaces (scripts written without
 * spaces), whose words this cannot anchor.
 */
export function occurrenceDirectives(content: string, locations: readonly number[], limits: HighlightLimits = {}): string[] {
  const { occurrences, length, context } = { ...DEFAULT_HIGHLIGHT_LIMITS, ...limits };
  if (content.includes('\u200B')) return [];
  const words = content.split(WORD_SEPARATORS);
  const positions = [...new Set(locations)].filter((at) => Number.isInteger(at) && at >= 0 && at < words.length).sort((a, b) => a - b);
  // The text as a browser compares it (case and accents aside, white space as single spaces), and where each word starts in it.
  const folded = words.map(fold);
  const starts: number[] = [];
  let offset = 0;
  for (const word of folded) {
    starts.push(offset);
    offset += word.length + 1;
  }
  const text = folded.join(' ');
  /** Where a directive first matches in the text: its prefix, start and suffix with at most a space between them, word-bounded at both ends. */
  const firstMatch = (pieces: string[]) =>
    text.search(new RegExp(`(?<![\\p{L}\\p{N}])${pieces.filter(Boolean).map((piece) => escapeRegExp(fold(piece))).join(' ?')}(?![\\p{L}\\p{N}])`, 'u'));

  const directives: string[] = [];
  let used = 0;
  for (const at of positions) {
    if (directives.length >= occurrences) break;
    const [, lead = '', term = '', trail = ''] = EDGE_PUNCTUATION.exec(words[at]!) ?? [];
    if (!term) continue;
    let chosen: { prefix: string; suffix: string } | undefined;
    for (let k = 1; k <= context && !chosen; k++) {
      const before = Math.min(k, at);
      const after = Math.min(k, words.length - 1 - at);
      const prefix = [...words.slice(at - before, at), lead].filter(Boolean).join(' ');
      const suffix = [trail, ...words.slice(at + 1, at + 1 + after)].filter(Boolean).join(' ');
      if (firstMatch([prefix, term, suffix]) === starts[at - before]) chosen = { prefix, suffix };
      if (before < k && after < k) break; // no more words on either side
    }
    // The same words around it earlier in the page: that earlier place is marked already.
    if (!chosen) continue;
    const { prefix, suffix } = chosen;
    const directive = `${prefix ? `${encodeDirectiveText(prefix)}-,` : ''}${encodeDirectiveText(term)}${suffix ? `,-${encodeDirectiveText(suffix)}` : ''}`;
    const cost = directive.length + 6; // "&text="
    if (used + cost > length) break;
    used += cost;
    directives.push(directive);
  }
  return directives;
}

/** `url` with text directives appended to its fragment (after any element id it already has). */
export function withTextDirectives(url: string, directives: readonly string[]): string {
  if (directives.length === 0) return url;
  return `${url}${url.includes('#') ? '' : '#'}:~:${directives.map((d) => `text=${d}`).join('&')}`;
}
