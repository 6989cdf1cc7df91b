import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/lib/model/reading-time.ts';
import { repoLinks } from '../../src/lib/site/repo-links.ts';

describe('readingMinutes', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('counts the words a reader reads, at least one minute', () => {
    expect(readingMinutes(words(10))).toBe(1);
    expect(readingMinutes(words(230 * 4))).toBe(4);
    expect(readingMinutes('')).toBe(0);
  });

  it('leaves out MDX imports, components, code and link targets', () => {
    const mdx = [
      "import Chart from '../chart.astro';",
      '<Quote by="ali-akbar-velayati" date="2018-07-12">',
      words(460),
      '</Quote>',
      '```js',
      words(2000),
      '```',
      '[a link](https://example.org/a/very/long/address/that/is/not/read)',
    ].join('\n');
    expect(readingMinutes(mdx)).toBe(2);
  });
});

describe('repoLinks', () => {
  it('links GitHub-style repositories to the edit page and the history of the file', () => {
    expect(repoLinks('https://github.com/org/chronicle/', 'main', 'content/articles/2018/07/a b.mdx')).toEqual({
      edit: 'https://github.com/org/chronicle/edit/main/content/articles/2018/07/a%20b.mdx',
      history: 'https://github.com/org/chronicle/commits/main/content/articles/2018/07/a%20b.mdx',
    });
  });

  it('uses GitLab paths on a GitLab host', () => {
    expect(repoLinks('https://gitlab.com/org/chronicle.git', 'trunk', 'content/people/x.md')).toEqual({
      edit: 'https://gitlab.com/org/chronicle/-/edit/trunk/content/people/x.md',
      history: 'https://gitlab.com/org/chronicle/-/commits/trunk/content/people/x.md',
    });
  });

  it('gives nothing when no repository is configured, or it is not a web address', () => {
    expect(repoLinks(undefined, 'main', 'content/a.md')).toBeUndefined();
    expect(repoLinks('', 'main', 'content/a.md')).toBeUndefined();
    expect(repoLinks('javascript:alert(1)', 'main', 'content/a.md')).toBeUndefined();
    expect(repoLinks('https://github.com/org/chronicle', 'main', undefined)).toBeUndefined();
  });
});
