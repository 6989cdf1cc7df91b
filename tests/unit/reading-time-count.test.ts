import { describe, expect, it } from 'vitest';
import readingTime from 'reading-time';
import { countWords } from '../../src/lib/model/reading-time.ts';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The `reading-time` package is the reference; countWords must agree with it on any text. */
const reference = (text: string) => readingTime(text).words;

function randomText(seed: number, length: number): string {
  const alphabet = ['a', 'b', 'Z', '9', ' ', ' ', '\n', '\t', '\r', '.', ',', '!', '—', '«', '»', '中', '文', 'の', '한', '。', '、', '！', '（', 'ー', 'ア', 'ف', 'ی', '\u200c', '😀', '*', '`', '<', '>', '/', '#'];
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

describe('countWords', () => {
  it('counts like the reading-time package on mixed scripts, punctuation and whitespace', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed, 1 + (seed % 97) * 3);
      expect(countWords(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('counts like the reading-time package on a generated archive', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-words-'));
    try {
      generateCorpus(dir, { articles: 60, seed: 3 });
      const folder = join(dir, 'articles');
      const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(files.length).toBe(60);
      for (const file of files) {
        const text = readFileSync(join(file.parentPath, file.name), 'utf8');
        expect(countWords(text)).toBe(reference(text));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('handles the edges: empty, only spaces, CJK then punctuation', () => {
    for (const text of ['', '   ', '\n\t', '中。 abc', '中 . abc', 'a中b', '。中', 'word']) expect(countWords(text)).toBe(reference(text));
  });
});
