/**
 * Query words for `npm run bench:search`, chosen by how many articles of a
 * built site hold them: common (in at least 90 % of the articles, what a
 * reader of a one-story archive types first), mid (20–50 %) and rare
 * (0.5–2 %), read from a sample of the article pages' main text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type WordClass = 'common' | 'mid' | 'rare' | 'none';
export interface ClassedWord { word: string; wordClass: WordClass; articleShare: number }

const CLASSES: { wordClass: WordClass; min: number; max: number; take: number }[] = [
  { wordClass: 'common', min: 0.9, max: 1, take: 4 },
  { wordClass: 'mid', min: 0.2, max: 0.5, take: 3 },
  { wordClass: 'rare', min: 0.005, max: 0.02, take: 3 },
];

/** Every article page of a built site, in path order. */
export function articlePages(dist: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') files.push(full);
    }
  };
  walk(join(dist, 'articles'));
  return files;
}

/** The words of a page's `<main>`, without markup, lower-cased, each once. */
function wordsOf(html: string): Set<string> {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  const text = main.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
  return new Set(text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 6));
}

/**
 * Words of each class, spread over the class's range, longest-first within
 * a share band so that none is a prefix-heavy short word; plus one word no
 * page holds. `sample` article pages at most are read (evenly spaced).
 */
export function classedWords(dist: string, sample = 1_500): ClassedWord[] {
  const pages = articlePages(dist);
  if (pages.length === 0) throw new Error(`no article pages under ${join(dist, 'articles')}`);
  const step = Math.max(1, Math.floor(pages.length / sample));
  const counts = new Map<string, number>();
  let read = 0;
  for (let i = 0; i < pages.length; i += step) {
    read += 1;
    for (const word of wordsOf(readFileSync(pages[i]!, 'utf8'))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const chosen: ClassedWord[] = [];
  for (const { wordClass, min, max, take } of CLASSES) {
    const inBand = [...counts].map(([word, n]) => ({ word, wordClass, articleShare: n / read }))
      .filter((w) => w.articleShare >= min && w.articleShare <= max)
      .sort((a, b) => b.articleShare - a.articleShare || a.word.localeCompare(b.word));
    const spread = inBand.length <= take ? inBand : Array.from({ length: take }, (_, k) => inBand[Math.floor((k * (inBand.length - 1)) / Math.max(1, take - 1))]!);
    chosen.push(...spread);
  }
  chosen.push({ word: 'zqxwvjkyb', wordClass: 'none', articleShare: 0 });
  return chosen;
}
