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

export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

export function direction(tag: string): 'rtl' | 'ltr' {
  return RTL.has(primaryLanguage(tag)) ? 'rtl' : 'ltr';
}
