/**
 * Which language indexes a search asks, and in what order the answers are
 * shown. Each language has its own Pagefind index (see
 * src/client/search/languages.ts); loading one costs the reader its
 * metadata and a chunk per word, so the search page asks the reader's
 * language first, shows those results, and lets the other languages join
 * the list when they answer.
 */

import { primaryLanguage } from '../core/language.ts';

/**
 * The indexes that can hold results under the language facet: every one
 * when no language is chosen, else those of the chosen languages (a page is
 * indexed under its own language, and its language facet is that language).
 */
export function languagesToSearch(indexes: readonly string[], chosen: readonly string[]): string[] {
  if (chosen.length === 0) return [...indexes];
  const wanted = new Set(chosen.map(primaryLanguage));
  return indexes.filter((lang) => wanted.has(primaryLanguage(lang)));
}

/**
 * The languages whose results are shown first, and those that join them
 * afterwards: the reader's language (`home`) leads when it is searched at
 * all; without it, every language searched is needed for a first answer.
 */
export function firstAndLater(searched: readonly string[], home: string | undefined): { first: string[]; later: string[] } {
  if (home === undefined || !searched.includes(home)) return { first: [...searched], later: [] };
  return { first: [home], later: searched.filter((lang) => lang !== home) };
}

/** A small least-recently-used cache: the answers to the last few searches, for a reader who deletes what they typed. */
export function lruCache<K, V>(capacity: number): { get(key: K): V | undefined; set(key: K, value: V): void; readonly size: number } {
  const entries = new Map<K, V>();
  return {
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key)!;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > capacity) entries.delete(entries.keys().next().value as K);
    },
    get size() { return entries.size; },
  };
}

/** Letters the word being typed has before it is searched on every keystroke. */
export const TYPED_SEARCH_MIN = 4;
/** How long a word of one or two letters waits for the next keystroke before it is searched anyway. */
export const SHORT_QUERY_PAUSE_MS = 300;
/** How long a word of three letters waits: most readers type the next letter sooner. */
export const THREE_LETTER_PAUSE_MS = 150;

/**
 * How long to wait, after a keystroke, before searching what the box holds.
 * Pagefind matches every word that starts with what is typed, so a short
 * word matches words found on nearly every page ("in" and "int" match
 * "into"): in a large archive that search takes from a few hundred
 * milliseconds to seconds, cannot be stopped once started, and the reader
 * has usually typed on by then, so the search they want waits behind it.
 * Such a word is searched once typing pauses; longer ones at once. Scripts
 * written without spaces (Chinese, Japanese, Korean) pack a word into one or
 * two characters, so they never wait.
 */
export function typingDelay(q: string): number {
  const text = q.trim();
  if (text === '' || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text)) return 0;
  const letters = [...(text.split(/\s+/).at(-1) ?? '')].length;
  if (letters >= TYPED_SEARCH_MIN) return 0;
  return letters === TYPED_SEARCH_MIN - 1 ? THREE_LETTER_PAUSE_MS : SHORT_QUERY_PAUSE_MS;
}
