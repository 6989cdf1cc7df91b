/**
 * Text preparation shared by the indexer and the search box, so a page and a
 * query are normalised the same way. The rules live in normalize-text.ts:
 * Arabic-script text (Persian letter forms, zero-width non-joiners,
 * diacritics, digits) is folded by the rules of the index's language; text
 * in other scripts stays as written, since Pagefind already folds case and
 * diacritics and stems the languages it has stemmers for.
 */
import { normalizeHtmlForIndex, normalizeQuery } from './normalize.ts';

/** A query as typed, prepared for the index of `lang`. */
export function prepareQuery(query: string, lang: string): string {
  return normalizeQuery(query, lang);
}

/**
 * A rendered page prepared for indexing. Normalisers map characters to
 * characters, and HTML markup is ASCII, so applying them to the whole
 * document changes only its text.
 */
export function prepareIndexedHtml(html: string, lang: string): string {
  return normalizeHtmlForIndex(html, lang);
}

/** The `lang` attribute of a rendered page's `<html>` element. */
export function htmlLanguage(html: string, fallback: string): string {
  const match = /<html\b[^>]*\blang=["']?([A-Za-z0-9-]+)/i.exec(html.slice(0, 2000));
  return match?.[1] ?? fallback;
}
