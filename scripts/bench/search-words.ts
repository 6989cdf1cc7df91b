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

/** Where the element that starts at `start` (tag name `tag`) ends, nested elements of the same name included. */
function elementEnd(html: string, start: number, tag: string): number {
  const pattern = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
  pattern.lastIndex = start + 1;
  let depth = 1;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.indexOf('>', m.index) + 1;
  }
  return html.length;
}

/** Parts Pagefind leaves out: marked ones, and elements it skips by itself (forms and drawings, and `<nav>`: a word only in the previous/next links finds nothing). */
const IGNORED = /<([a-z][a-z0-9]*)\b[^>]*\bdata-pagefind-ignore\b[^>]*>|<(nav|form|svg)\b[^>]*>/;

/**
 * The words Pagefind indexes for a page: its `data-pagefind-body` element
 * without the `data-pagefind-ignore` parts (kicker, byline, related lists…)
 * and the elements Pagefind skips,
 * lower-cased, each once (words of four letters or more). Reading the whole `<main>` chose words of the page's
 * own labels, which no search finds.
 */
export function indexedWordsOf(html: string): Set<string> {
  const open = /<([a-z][a-z0-9]*)\b[^>]*\bdata-pagefind-body\b[^>]*>/.exec(html);
  let body = open ? html.slice(open.index, elementEnd(html, open.index, open[1]!)) : html;
  for (let m = IGNORED.exec(body); m; m = IGNORED.exec(body)) body = `${body.slice(0, m.index)} ${body.slice(elementEnd(body, m.index, (m[1] ?? m[2])!))}`;
  const text = body.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
  return new Set(text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4));
}

/**
 * Words of four letters or more, of each class, spread over the class's
 * range (the commonest first); plus one word no page holds. `sample` article
 * pages at most are read (evenly spaced).
 */
export function classedWords(dist: string, sample = 1_500): ClassedWord[] {
  const pages = articlePages(dist);
  if (pages.length === 0) throw new Error(`no article pages under ${join(dist, 'articles')}`);
  const step = Math.max(1, Math.floor(pages.length / sample));
  const counts = new Map<string, number>();
  let read = 0;
  for (let i = 0; i < pages.length; i += step) {
    read += 1;
    for (const word of indexedWordsOf(readFileSync(pages[i]!, 'utf8'))) counts.set(word, (counts.get(word) ?? 0) + 1);
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
