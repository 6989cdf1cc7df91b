/**
 * Pagefind's excerpts, made safe to show and turned into a highlight on the
 * page a result leads to. The excerpt is page text with `<` and `>` escaped
 * and each matched word wrapped in <mark>; nothing else is markup.
 */

export interface ExcerptPart { text: string; mark: boolean }

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Splits an excerpt into plain and matched runs, to be inserted as text (never as HTML). */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let match = pattern.exec(excerpt); match; match = pattern.exec(excerpt)) {
    if (match.index > last) parts.push({ text: unescape(excerpt.slice(last, match.index)), mark: false });
    parts.push({ text: unescape(match[1] ?? ''), mark: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: unescape(excerpt.slice(last)), mark: false });
  return parts.filter((part) => part.text !== '');
}

const EDGE_PUNCTUATION = /^([\p{P}\p{S}]*)(.*?)([\p{P}\p{S}]*)$/u;

/** A text directive value: percent-encoded, with the characters the syntax reserves (`-`, `,`, `&`) escaped too. */
const encode = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

interface Occurrence { term: string; before: string; after: string }

/** Each distinct matched word once, with the word before and after it in the excerpt. */
function occurrences(parts: ExcerptPart[], limit: number): Occurrence[] {
  const found = new Map<string, Occurrence>();
  parts.forEach((part, i) => {
    if (!part.mark || found.size >= limit) return;
    const [, lead = '', term = '', trail = ''] = EDGE_PUNCTUATION.exec(part.text.trim()) ?? [];
    const key = term.toLocaleLowerCase();
    if (!term || found.has(key)) return;
    // The neighbouring word, with any punctuation between it and the term ("Longstanding: ", ", and").
    const preceding = parts.slice(0, i).map((p) => p.text).join('') + lead;
    const following = trail + parts.slice(i + 1).map((p) => p.text).join('');
    found.set(key, {
      term,
      before: /(\S+\s*[\p{P}\p{S}]*)\s*$/u.exec(preceding)?.[1]?.trim() ?? '',
      after: /^\s*([\p{P}\p{S}]*\s*[^\s\p{P}\p{S}]\S*|[\p{P}\p{S}]+)/u.exec(following)?.[1]?.trim() ?? '',
    });
  });
  return [...found.values()];
}

/**
 * The result's address with a text fragment (`#:~:text=`) for each matched
 * word, so the browser highlights them on the article with no script there.
 * A word is anchored by its neighbour on either side, in two directives:
 * one of them still matches when the word starts or ends a paragraph, and
 * neither matches the same word in the navigation.
 */
export function highlightUrl(url: string, parts: ExcerptPart[], queryWords: string[], limit = 3): string {
  const found = occurrences(parts, limit);
  const directives: string[] = [];
  for (const { term, before, after } of found) {
    if (before) directives.push(`${encode(before)}-,${encode(term)}`);
    if (after) directives.push(`${encode(term)},-${encode(after)}`);
    if (!before && !after) directives.push(encode(term));
  }
  if (found.length === 0) {
    for (const word of queryWords.slice(0, limit)) if (word.trim()) directives.push(encode(word.trim()));
  }
  if (directives.length === 0) return url;
  return `${url}${url.includes('#') ? '' : '#'}:~:${directives.map((d) => `text=${d}`).join('&')}`;
}
