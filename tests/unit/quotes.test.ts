import { describe, expect, it } from 'vitest';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { cleanQuoteText, extractQuotes, parseAttribution, quotesInSource, type MdNode } from '../../src/lib/content/quote-syntax.ts';

const FEATURES = { features: { gfm: true, smartPunctuation: true } };
const fromMdx = (source: string) => extractQuotes(mdxToMdast(source, FEATURES) as unknown as MdNode);
const fromMd = (source: string) => extractQuotes(markdownToMdast(source, FEATURES) as unknown as MdNode);
/** What the ledger keeps of a quote (the tree nodes are left out). */
const plain = (quotes: ReturnType<typeof extractQuotes>) => quotes.map(({ node: _node, quoted: _quoted, ...rest }) => rest);

describe('MDX <Quote> components', () => {
  it('reads an inline quote inside a sentence, keeping the quotation marks out of the text', () => {
    const quotes = fromMdx('He said “<Quote by="ali-akbar-velayati">a turning point in the strategic relations</Quote>” in Moscow.\n');
    expect(plain(quotes)).toEqual([{
      id: 'quote-ali-akbar-velayati-1', first: true, syntax: 'component', inline: true, by: 'ali-akbar-velayati',
      text: 'a turning point in the strategic relations', line: 1,
    }]);
  });

  it('reads a block quote with role and date, paragraphs separated by a blank line', () => {
    const quotes = fromMdx('Intro.\n\n<Quote by="bahram-qassemi" role="Foreign Ministry spokesman" date="2018-07-11">\n“First *paragraph*,”\n\nSecond one.\n</Quote>\n');
    expect(plain(quotes)).toEqual([{
      id: 'quote-bahram-qassemi-1', first: true, syntax: 'component', inline: false, by: 'bahram-qassemi',
      role: 'Foreign Ministry spokesman', date: '2018-07-11', text: 'First paragraph\n\nSecond one.', line: 3,
    }]);
  });

  it('numbers each person’s quotes in document order, so another person’s quote does not shift the anchors', () => {
    const ids = (source: string) => fromMdx(source).map((q) => q.id);
    const a = '<Quote by="a">one</Quote>\n\n<Quote by="a">two</Quote>\n';
    const withB = '<Quote by="b">other</Quote>\n\n<Quote by="a">one</Quote>\n\nText <Quote by="b">more</Quote>.\n\n<Quote by="a">two</Quote>\n';
    expect(ids(a)).toEqual(['quote-a-1', 'quote-a-2']);
    expect(ids(withB)).toEqual(['quote-b-1', 'quote-a-1', 'quote-b-2', 'quote-a-2']);
    expect(fromMdx(withB).map((q) => q.first)).toEqual([true, true, false, false]);
  });

  it('leaves a <Quote> without a quoted `by` to validation, and ignores other components', () => {
    expect(fromMdx('<Quote>no one</Quote>\n\n<Timeline topic="jcpoa" />\n\n<Quote by={name}>x</Quote>\n')).toEqual([]);
  });
});

describe('Markdown blockquote attribution', () => {
  it('reads the attribution from the last paragraph: person, role with commas, date', () => {
    const quotes = fromMd('Intro.\n\n> The regional cooperation is "strategic".\n>\n> Second paragraph.\n>\n> — @ali-akbar-velayati, adviser to the Leader, in Moscow, 2018-07-12\n');
    expect(plain(quotes)).toEqual([{
      id: 'quote-ali-akbar-velayati-1', first: true, syntax: 'attribution', inline: false, by: 'ali-akbar-velayati',
      role: 'adviser to the Leader, in Moscow', date: '2018-07-12',
      text: 'The regional cooperation is “strategic”.\n\nSecond paragraph.', line: 7,
    }]);
    expect(quotes[0]!.quoted.map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('reads an attribution on the last line of the quotation’s own paragraph, with -- for the dash', () => {
    const quotes = fromMd('> In these messages, our views are explained,\n> -- @bahram-qassemi, 2018-07\n');
    expect(plain(quotes)).toEqual([{
      id: 'quote-bahram-qassemi-1', first: true, syntax: 'attribution', inline: false, by: 'bahram-qassemi',
      date: '2018-07', text: 'In these messages, our views are explained', line: 2,
    }]);
    // The attribution line is no longer part of the quotation.
    expect(JSON.stringify(quotes[0]!.quoted)).not.toContain('@bahram-qassemi');
  });

  it('counts lines from the top of the file, frontmatter included', () => {
    const quotes = quotesInSource('---\ntitle: T\n---\n\nText.\n\n> Words.\n>\n> — @jane-doe\n', 'md', { positions: true });
    expect(quotes.map((q) => [q.by, q.line])).toEqual([['jane-doe', 9]]);
  });

  it('leaves ordinary blockquotes alone', () => {
    expect(fromMd('> Just a quote.\n\n> — not an attribution\n\n> Ends with an email a@b.org\n\n> — @jane-doe\n')).toEqual([]);
  });

  it('works in MDX files too, numbered together with <Quote>', () => {
    const quotes = fromMdx('<Quote by="jane-doe">First.</Quote>\n\n> Second.\n>\n> — @jane-doe\n');
    expect(quotes.map((q) => [q.id, q.syntax, q.text])).toEqual([
      ['quote-jane-doe-1', 'component', 'First.'],
      ['quote-jane-doe-2', 'attribution', 'Second.'],
    ]);
  });
});

describe('attribution lines and quote text', () => {
  it('parses the parts of an attribution line', () => {
    expect(parseAttribution('— @jane-doe')).toEqual({ by: 'jane-doe' });
    expect(parseAttribution('–  @jane-doe ,  spokesman ')).toEqual({ by: 'jane-doe', role: 'spokesman' });
    expect(parseAttribution('--- @jane-doe, 2015')).toEqual({ by: 'jane-doe', date: '2015' });
    expect(parseAttribution('— @jane-doe, Minister, 1981, 2018-02-30')).toEqual({ by: 'jane-doe', role: 'Minister, 1981', date: '2018-02-30' });
    expect(parseAttribution('— Jane Doe')).toBeUndefined();
    expect(parseAttribution('said @jane-doe')).toBeUndefined();
  });

  it('keeps quotation marks and the closing comma out of the stored words, but not apostrophes', () => {
    expect(cleanQuoteText('“The words,”')).toBe('The words');
    expect(cleanQuoteText('"Plain marks."')).toBe('Plain marks.');
    expect(cleanQuoteText('the countries’')).toBe('the countries’');
    expect(cleanQuoteText('‘single’')).toBe('single');
    expect(cleanQuoteText('“One,\n\n“two.”')).toBe('One\n\ntwo.');
  });

  it('does not parse bodies that cannot hold a quotation', () => {
    expect(quotesInSource('Just text, no quotes at all.\n', 'md')).toEqual([]);
    expect(quotesInSource('A <Quote by="x">y</Quote>.\n', 'mdx').map((q) => q.by)).toEqual(['x']);
  });
});
