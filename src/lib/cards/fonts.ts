import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { primaryLanguage, usesArabicScript } from '../core/language.ts';

/**
 * The faces a card is set in: the site's own (@fontsource-variable packages,
 * the WOFF2 files the pages load), each unicode-range subset registered as a
 * family of its own and listed in order, so a line falls back subset by
 * subset as a browser's font stack does. Vazirmatn has no Cyrillic: a Persian
 * card ends its stack with Source Serif 4's Cyrillic.
 */
export interface CardFace {
  /** The family name a card's `font` uses. */
  family: string;
  /** Package and file under its `files/` folder. */
  pkg: string;
  file: string;
}

const subsets = (prefix: string, pkg: string, base: string, names: readonly string[]): CardFace[] =>
  names.map((name) => ({ family: `${prefix} ${name}`, pkg, file: `${base}-${name}-wght-normal.woff2` }));

const LATIN_AND_CYRILLIC = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'];
const SERIF = subsets('Card Serif', '@fontsource-variable/source-serif-4', 'source-serif-4', LATIN_AND_CYRILLIC);
const SANS = subsets('Card Sans', '@fontsource-variable/inter', 'inter', LATIN_AND_CYRILLIC);
const ARABIC = subsets('Card Vazirmatn', '@fontsource-variable/vazirmatn', 'vazirmatn', ['arabic', 'latin', 'latin-ext']);

export const CARD_FACES: readonly CardFace[] = [...SERIF, ...SANS, ...ARABIC];

/** The packages whose files a card is drawn with, for the cache key. */
export const CARD_PACKAGES = ['@napi-rs/canvas', ...new Set(CARD_FACES.map((face) => face.pkg))];

const require = createRequire(import.meta.url);

/** A package's installed version (its files draw the card, so it is part of the cache key). */
export function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
}

/** A face's WOFF2 file, from the installed package. */
export function faceFile(face: CardFace): Buffer {
  return readFileSync(require.resolve(`${face.pkg}/files/${face.file}`));
}

const stack = (faces: readonly CardFace[]) => faces.map((face) => `'${face.family}'`).join(', ');

/** The font stacks of a card in `lang`: the headline's serif and the sans of the small lines. */
export function cardStacks(lang: string): { serif: string; sans: string } {
  if (usesArabicScript(lang)) return { serif: stack([...ARABIC, ...SERIF]), sans: stack([...ARABIC, ...SANS]) };
  return { serif: stack(SERIF), sans: stack(SANS) };
}

/** Whether small capitals-like upper case suits the section label (scripts with case). */
export function hasCase(lang: string): boolean {
  return !usesArabicScript(lang) && !['zh', 'ja', 'ko', 'he'].includes(primaryLanguage(lang));
}
