/**
 * Words the way the `reading-time` package counts them (each CJK character is
 * a word; punctuation right after one is not), in one regular expression
 * instead of a loop over characters: the package's loop was the largest single
 * cost of rendering an article page (BENCHMARKS.md). tests/unit/reading-time-count.test.ts
 * checks that both count the same.
 */
const CJK = '\u3040-\u309f\u4e00-\u9fff\uac00-\ud7a3';
const BOUND = ' \n\r\t';
const PUNCTUATION = '!-\\/:-@\\[-`{-~\u3000-\u303f\uff00-\uffef';
const WORDS = new RegExp(`[${CJK}][${BOUND}${PUNCTUATION}]*|[^${BOUND}${CJK}]+`, 'g');

export function countWords(text: string): number {
  let words = 0;
  WORDS.lastIndex = 0;
  while (WORDS.exec(text) !== null) words++;
  return words;
}

/**
 * Minutes an article takes to read, from its Markdown or MDX source.
 * Markup a reader never sees (code fences, import lines, JSX tags, link
 * targets, HTML comments) is left out before the words are counted.
 */
export function readingMinutes(source: string, wordsPerMinute = 230): number {
  const prose = source
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
  const words = countWords(prose);
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}
