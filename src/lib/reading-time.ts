import readingTime from 'reading-time';

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
  const { words } = readingTime(prose, { wordsPerMinute });
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}
