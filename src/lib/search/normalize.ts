/**
 * Spelling normalisation for search, applied the same way to the text that is
 * indexed (at build time) and to what the reader types (at query time), so
 * common spelling variants find each other. Pagefind has no Persian stemmer
 * and does not know that Arabic ي and Persian ی are the same letter to a
 * Persian reader; this module is where that knowledge lives.
 *
 * Pure functions, no DOM: the build (Node) and the search
 * page (browser) both import it.
 */

import { primaryLanguage } from '../core/language.ts';

/**
 * Characters writers use where Persian orthography wants a zero-width
 * non-joiner (نیم‌فاصله): the ZWNJ itself, and the invisible characters
 * keyboards and converters put in its place.
 */
const JOINERS = /[\u200B\u200C\u200D\u00AD\u2060\uFEFF]/g;

/**
 * How the index spells a ZWNJ between two letters. Pagefind treats a word with
 * an ASCII hyphen-like character as a compound, indexing the whole
 * (`میشود`) and each part (`می`, `شود`), so one indexed spelling answers the
 * joined, the spaced and the ZWNJ queries. Invisible characters are dropped by
 * Pagefind's tokenizer instead, which is why a visible one is used; the search
 * page turns it back into a ZWNJ before showing an excerpt (`restoreJoiners`).
 */
export const INDEX_JOINER = '~';

const ARABIC_LETTER = '[\\u0620-\\u064A\\u066E-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FF\\u0750-\\u077F]';
const JOINER_BETWEEN_LETTERS = new RegExp(`(${ARABIC_LETTER})[\\u200B\\u200C\\u200D\\u00AD\\u2060\\uFEFF]+(?=${ARABIC_LETTER})`, 'g');
const INDEX_JOINER_BETWEEN_LETTERS = new RegExp(`(${ARABIC_LETTER})${INDEX_JOINER}(?=${ARABIC_LETTER})`, 'g');

/** Short vowels, tanwin, shadda, sukun, superscript alef, Quranic marks, and the tatweel used to stretch words. */
const MARKS = /[\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

/** Arabic presentation forms (legacy encodings and PDF copy-paste) fold to the ordinary letters. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII, so "۱۳۹۷" and "1397" meet. */
const EASTERN_DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;

/** Letters spelled differently by Arabic and Persian keyboards, mapped to the Persian letter. */
const PERSIAN_LETTERS: Record<string, string> = {
  '\u064A': '\u06CC', // ي Arabic yeh → ی
  '\u0649': '\u06CC', // ى alef maksura → ی
  '\u0643': '\u06A9', // ك Arabic kaf → ک
  '\u06AA': '\u06A9', // ڪ swash kaf → ک
  '\u0629': '\u0647', // ة teh marbuta → ه
  '\u06C0': '\u0647', // ۀ heh with yeh above → ه (the same word as ه + hamza mark)
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ alef wasla → ا
};

/** The same letters mapped the Arabic way, for Arabic pages. */
const ARABIC_LETTERS: Record<string, string> = {
  '\u06CC': '\u064A', // ی → ي
  '\u0649': '\u064A', // ى → ي
  '\u06A9': '\u0643', // ک → ك
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
};

const PERSIAN_PATTERN = new RegExp(`[${Object.keys(PERSIAN_LETTERS).join('')}]`, 'g');
const ARABIC_PATTERN = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'g');

/**
 * Folds the spelling variants of Arabic-script text: letter forms, diacritics,
 * tatweel, presentation forms and digits. Arabic pages (and queries against
 * the Arabic index) fold the Arabic way; every other language, including an
 * English page quoting Persian, folds the Persian way, the archive's main
 * Arabic-script language. Text in other scripts passes through unchanged.
 */
export function foldArabicScript(text: string, lang = 'fa'): string {
  const letters = primaryLanguage(lang) === 'ar' ? ARABIC_LETTERS : PERSIAN_LETTERS;
  const pattern = primaryLanguage(lang) === 'ar' ? ARABIC_PATTERN : PERSIAN_PATTERN;
  return text
    .replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'))
    .normalize('NFC') // composes ا + ◌ٓ into آ before marks are dropped
    .replace(MARKS, '')
    .replace(pattern, (ch) => letters[ch] ?? ch)
    .replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) - (d >= '\u06F0' ? 0x06F0 : 0x0660))));
}

/**
 * Text as the search index should hold it: folded, with every ZWNJ-like
 * character between two letters spelled `INDEX_JOINER` and other stray
 * joiners removed.
 */
export function normalizeForIndex(text: string, lang = 'fa'): string {
  return foldArabicScript(text, lang)
    .replace(JOINER_BETWEEN_LETTERS, `$1${INDEX_JOINER}`)
    .replace(JOINERS, '');
}

/**
 * A reader's query as the index understands it: folded the same way, and a
 * ZWNJ-joined word split at its joiners (`می‌شود` → `می شود`), which finds the
 * joined, the ZWNJ and the spaced spellings alike.
 */
export function normalizeQuery(query: string, lang = 'fa'): string {
  return foldArabicScript(query, lang)
    .replace(JOINERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITY_JOINERS = /&(?:zwnj|zwj|shy);|&#(?:x200[bcd]|820[345]|x0*ad|173|x2060|8288);/gi;
const ENTITY_CHARS: Record<string, string> = { zwnj: '\u200C', zwj: '\u200D', shy: '\u00AD' };

/**
 * A built page prepared for indexing: its Arabic-script text normalised by
 * the rules of the page's language (`lang`, by default its `<html lang>`).
 * Only non-ASCII letters and joiners change, so markup, URLs and attributes
 * keep their meaning. Pages in other scripts are returned as they are.
 */
export function normalizeHtmlForIndex(html: string, lang = /<html[^>]*\slang=["']?([A-Za-z-]+)/i.exec(html)?.[1] ?? 'en'): string {
  if (!/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFEFE]/.test(html)) return html;
  const decoded = html.replace(ENTITY_JOINERS, (entity) => {
    const name = entity.slice(1, -1).toLowerCase();
    if (name in ENTITY_CHARS) return ENTITY_CHARS[name]!;
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCharCode(code);
  });
  return normalizeForIndex(decoded, lang);
}

/** Puts the ZWNJ back where the index spelled it `INDEX_JOINER`, for showing excerpts and titles. */
export function restoreJoiners(text: string): string {
  return text.replace(INDEX_JOINER_BETWEEN_LETTERS, '$1\u200C');
}
