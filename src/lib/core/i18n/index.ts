/**
 * Interface strings by language: English (en.ts) is the default; other
 * languages fall back to it key by key.
 */
import { en, type UiStrings } from './en.ts';
import { fa } from './fa.ts';
import { ru } from './ru.ts';
import { primaryLanguage } from '../language.ts';

export type { UiKey, UiStrings } from './en.ts';


const translations: Record<string, Partial<UiStrings>> = { en };
/** Each language's merged strings, made once: pages call ui() many times each. */
const merged = new Map<string, UiStrings>();

/** Registers a language's strings (the languages module adds Persian and Russian). */
function addTranslations(lang: string, strings: Partial<UiStrings>) {
  translations[lang] = { ...translations[lang], ...strings };
  merged.clear();
}

addTranslations('fa', fa);
addTranslations('ru', ru);

/** The languages with interface strings of their own besides English (`fa`, `ru`): each gets its own search page. */
export function translatedLanguages(): string[] {
  return Object.keys(translations).filter((lang) => lang !== 'en').sort();
}

export function ui(lang = 'en'): UiStrings {
  const primary = primaryLanguage(lang);
  let strings = merged.get(primary);
  if (!strings) merged.set(primary, (strings = Object.freeze({ ...en, ...translations[primary] })));
  return strings;
}
