import { afterAll, describe, expect, it } from 'vitest';
import { article, removeContentTrees, reported, validateTree } from '../fixtures/content-tree.ts';

afterAll(removeContentTrees);

// article() puts the body after 5 frontmatter lines and the closing fence: the body's first line is file line 7.
describe('quote attributions are checked like <Quote by>', () => {
  it('an unknown person in the Markdown syntax: file, line, field and the id, with the closest id', () => {
    const { errors, report } = validateTree({
      'articles/quoted.md': article('', '\nIntro.\n\n> Words.\n>\n> — @jane-dough, spokesman\n'),
    });
    expect(errors).toHaveLength(1);
    expect(report).toMatch(reported('content/articles/quoted.md', { line: 12, field: 'quote attribution', has: ['unknown person "jane-dough"', 'did you mean "jane-doe"?'] }));
  });

  it('an attribution on the quotation’s last line is found on that line', () => {
    const { report } = validateTree({ 'articles/quoted.md': article('', '\n> Words,\n> more words.\n> -- @nobody-at-all\n') });
    expect(report).toMatch(reported('content/articles/quoted.md', { line: 10, field: 'quote attribution', has: ['unknown person "nobody-at-all"'] }));
  });

  it('in MDX files too, next to <Quote> errors; a bad date is reported with what was expected', () => {
    const { report } = validateTree({
      'articles/quoted.mdx': article('', '\n<Quote by="jane-doe">Fine.</Quote>\n\n> Words.\n>\n> — @jon-doe, 2018-02-30\n'),
    });
    expect(report).toMatch(reported('content/articles/quoted.mdx', { line: 12, field: 'quote attribution', has: ['unknown person "jon-doe"'] }));
    expect(report).toMatch(reported('content/articles/quoted.mdx', { line: 12, field: 'quote attribution date', has: ['"2018-02-30"', 'a real day'] }));
  });

  it('known people and ordinary blockquotes pass', () => {
    const { errors } = validateTree({
      'articles/quoted.md': article('', '\n> Words.\n>\n> — @jane-doe, spokesman, 2018-07\n\n> An unattributed blockquote.\n'),
    });
    expect(errors).toEqual([]);
  });
});
