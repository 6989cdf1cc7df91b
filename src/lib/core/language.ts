import { parse } from 'bcp-47';

export const SITE_LANGUAGE = 'en';

/** Scripts written right to left among the languages the contract names. */
const RTL = new Set(['fa', 'ar', 'he', 'ur']);

/** A well-formed BCP 47 tag (`en`, `fa-IR`, `zh-Hant-TW`). */
export function isLanguageTag(tag: string): boolean {
  let bad = false;
  const schema = parse(tag, { warning: () => { bad = true; } });
  // Two or three letters: the ISO 639 languages authors actually use.
  return !bad && /^[a-z]{2,3}$/i.test(schema.language ?? "");
}

/**
 * `fa-IR` → `fa`: the one place a tag's language is read. The search page's
 * script imports it too; bcp-47 (used by isLanguageTag only) is marked free of
 * side effects, so the bundler leaves the parser out of the browser.
 */
export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

export function direction(tag: string): 'rtl' | 'ltr' {
  return RTL.has(primaryLanguage(tag)) ? 'rtl' : 'ltr';
}

/** A language's name, by default in that language itself ("فارسی", "русский"). */
export function languageName(tag: string, inLanguage = tag): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The `lang` and `dir` attributes for text in `textLang` shown on a page in
 * `pageLang`: none when they agree, so pages in one language stay as they
 * are. `dir` also isolates the text, like `<bdi>`, so a Persian title does
 * not reorder the punctuation around it on an English page.
 */
export function languageAttributes(textLang: string, pageLang: string): { lang?: string; dir?: 'rtl' | 'ltr' } {
  if (primaryLanguage(textLang) === primaryLanguage(pageLang)) return {};
  return { lang: textLang, dir: direction(textLang) };
}

/** Whether a language is written in Arabic script (its own fonts, comma and search folding). */
export function usesArabicScript(tag: string): boolean {
  return ['fa', 'ar', 'ur', 'ps', 'ku', 'sd', 'ug'].includes(primaryLanguage(tag));
}

/** What separates the items of a short list of names: the Arabic comma in Arabic script. */
export function listSeparator(tag: string): string {
  return usesArabicScript(tag) ? '، ' : ', ';
}

/**
 * Text isolated from the direction around it, for names filled into a
 * sentence ("… the nearest events of Iran–Russia relations") where no
 * `<bdi>` element can go: FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
