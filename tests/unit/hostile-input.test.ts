import { afterAll, describe, expect, it } from 'vitest';
import { article, md, removeContentTrees, reported, validateTree } from '../fixtures/content-tree.ts';
import { checkBody, MAX_BODY_BYTES } from '../../src/lib/content/body-safety.ts';
import { bidiControls } from '../../src/lib/core/bidi.ts';

/**
 * Hostile or broken input, through the same validation the build runs
 * (src/lib/content/validate.ts). What could run script in a reader's browser, make a
 * page load another site, disguise text or bloat a page stops the build with
 * the file, the line and the field. Markup-looking text in a title is not an
 * error: it is shown literally (e2e/hostile-input.test.ts checks that in a browser).
 */

afterAll(removeContentTrees);

const BAD = 'content/articles/bad.md';
const badArticle = (extra: string, body?: string) => validateTree({ 'articles/bad.md': article(extra, body) }).report;
const badBody = (body: string, path = 'articles/bad.md') => validateTree({ [path]: article('', body) }).report;

const RLO = '\u202e';
const MARKUP = '<script>alert(1)</script> "><img src=x onerror=alert(2)> </script><script>alert(3)</script>';

describe('script URLs in frontmatter are refused', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('source.url %j', (url) => {
    expect(badArticle(`source:\n  name: Wire\n  url: ${JSON.stringify(url)}`))
      .toMatch(reported(BAD, { line: 8, field: 'source.url', has: ['expected an http:// or https:// URL'] }));
  });

  it('image.src', () => {
    expect(badArticle('image:\n  src: "javascript:alert(1)"\n  alt: A picture'))
      .toMatch(reported(BAD, { line: 7, field: 'image.src', has: ['"javascript:alert(1)"', 'expected an image path'] }));
  });

  it("an organization's url", () => {
    const { report } = validateTree({ 'organizations/bad-org.md': md('name: Bad\nurl: "javascript:alert(1)"') });
    expect(report).toMatch(reported('content/organizations/bad-org.md', { line: 3, field: 'url', has: ['expected an http:// or https:// URL'] }));
  });
});

describe('directional override characters in one-line fields are refused', () => {
  it('in a title, with the character, its name and where it is', () => {
    const report = validateTree({
      'articles/bad.md': md(`title: "Iran ${RLO}txt.exe"\ndescription: Fine.\npubDate: 2018-07-12\ntopics: [diplomacy]`),
    }).report;
    expect(report).toMatch(reported(BAD, { line: 2, field: 'title', has: ['U+202E RIGHT-TO-LEFT OVERRIDE', 'at character 6', 'delete it'] }));
  });

  it('in descriptions, datelines, bylines and the names of people, topics, organizations and events', () => {
    const { report } = validateTree({
      'articles/bad.md': article(`dateline: "TEH\u202dRAN"\nauthors: ["Jane \u2067Doe"]`).replace('description: Fine.', 'description: "Fine\u202a."'),
      'people/spoofed.md': md(`name: "Ali ${RLO}reza"`),
      'topics/spoofed.md': md(`title: "Oil ${RLO}"\ndescription: Prices.`),
      'organizations/spoofed.md': md(`name: "UN\u2066"`),
      'events/spoofed.md': md(`title: "Talks ${RLO}end"\ndate: 2018`),
    });
    expect(report).toMatch(reported(BAD, { field: 'description', has: ['U+202A LEFT-TO-RIGHT EMBEDDING'] }));
    expect(report).toMatch(reported(BAD, { field: 'dateline', has: ['U+202D LEFT-TO-RIGHT OVERRIDE'] }));
    expect(report).toMatch(reported(BAD, { field: 'authors[0]', has: ['U+2067 RIGHT-TO-LEFT ISOLATE'] }));
    expect(report).toMatch(reported('content/people/spoofed.md', { line: 2, field: 'name', has: ['U+202E'] }));
    expect(report).toMatch(reported('content/topics/spoofed.md', { field: 'title', has: ['U+202E'] }));
    expect(report).toMatch(reported('content/organizations/spoofed.md', { field: 'name', has: ['U+2066'] }));
    expect(report).toMatch(reported('content/events/spoofed.md', { field: 'title', has: ['U+202E'] }));
  });

  it('but the marks Persian text uses are fine: ZWNJ, RLM, ALM', () => {
    const { errors } = validateTree({
      'articles/fa.md': md('title: "می\u200cشود \u200fدر تهران\u061c"\ndescription: "خبر"\npubDate: 2018-07-12\nlang: fa\ntopics: [diplomacy]'),
    });
    expect(errors).toEqual([]);
  });

  it('in a body, an override is refused with its line; embeddings stay in their paragraph', () => {
    const report = badBody(`\nFirst paragraph.\n\nA disguised ${RLO}gpj.exe name.\n`);
    expect(report).toMatch(reported(BAD, { line: 10, field: 'body', has: ['U+202E RIGHT-TO-LEFT OVERRIDE', 'on this line'] }));
    expect(validateTree({ 'articles/ok.md': article('', '\nQuoted: \u202bمتن\u202c and \u2067متن\u2069.\n') }).errors).toEqual([]);
  });
});

describe('sizes', () => {
  it('a 10,000-character title is refused with its length', () => {
    expect(validateTree({ 'articles/bad.md': md(`title: "${'A'.repeat(10_000)}"\ndescription: Fine.\npubDate: 2018-07-12\ntopics: [diplomacy]`) }).report)
      .toMatch(reported(BAD, { line: 2, field: 'title', has: ['is 10000 characters long; expected at most 200'] }));
  });

  it('a 10 MB article is refused, and the rest of the file is still checked', () => {
    const paragraph = `${'The talks went on. '.repeat(50)}\n\n`;
    const body = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
    const report = validateTree({ 'articles/bad.md': md('title: Long\ndescription: Fine.\npubDate: 2018-07-12\ntopics: [nope]', body) }).report;
    expect(report).toMatch(reported(BAD, { field: 'body', has: ['is 10.0 MB; expected at most 1 MB'] }));
    expect(report).toMatch(reported(BAD, { field: 'topics[0]', has: ['"nope"'] }));
  });

  it('a body just under the limit is fine', () => {
    expect(checkBody('x', 'a'.repeat(MAX_BODY_BYTES), { mdx: false })).toEqual([]);
    expect(checkBody('x', 'a'.repeat(MAX_BODY_BYTES + 1), { mdx: false })).toHaveLength(1);
  });
});

describe('markup in Markdown bodies that would run or load something is refused, with its line', () => {
  it.each([
    ['<script>alert(1)</script>', '<script> is not allowed'],
    ['<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>', '<script> is not allowed'],
    ['Text <img src=x onerror="alert(1)"> inline.', 'the onerror attribute of <img>'],
    ['<div onmouseover=alert(1)>hover</div>', 'the onmouseover attribute of <div>'],
    ['[click](javascript:alert(1))', 'the link "javascript:alert(1)" is not allowed'],
    ['[click](JAVASCRIPT:alert(1))', 'the link "JAVASCRIPT:alert(1)" is not allowed'],
    ['[click](&#106;avascript:alert(1))', 'the link "javascript:alert(1)" is not allowed'],
    ['<javascript:alert(1)>', 'the link "javascript:alert(1)" is not allowed'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<a href>: the link'],
    ['<a href="data:text/html,x">x</a>', '<a href>: the link "data:text/html,x"'],
    ['![pixel](https://tracker.example/p.gif)', 'the image "https://tracker.example/p.gif" would be loaded from another site'],
    ['<img src="//tracker.example/p.gif" alt="">', 'would be loaded from another site'],
    ['<img srcset="/a.png 1x, https://tracker.example/b.png 2x" alt="">', '"https://tracker.example/b.png" would be loaded from another site'],
    ['<iframe src="https://example.org/"></iframe>', '<iframe> is not allowed'],
    ['<style>body{display:none}</style>', '<style> is not allowed'],
    ['<p style="color:red">x</p>', 'the style attribute of <p>'],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', '<svg> is not allowed'],
    ['<form action="https://evil.example/"><input name=q></form>', '<form> is not allowed'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<meta> is not allowed'],
  ])('%s', (body, message) => {
    expect(badBody(`\nFine first line.\n\n${body}\n`)).toMatch(reported(BAD, { line: 10, field: 'body', has: [message] }));
  });

  it.each(['import Chart from "./chart.js";', 'export const year = 2018;'])('in MDX, %s: an article is rendered on its own', (line) => {
    expect(badBody(`\nFine first line.\n\n${line}\n`, 'articles/bad.mdx'))
      .toMatch(reported('content/articles/bad.mdx', { line: 10, field: 'body', has: ['an `import` or `export` is not allowed in an article'] }));
  });

  it('a reference definition, at its own line', () => {
    expect(badBody('\nSee [the story][x].\n\n[x]: javascript:alert(1)\n'))
      .toMatch(reported(BAD, { line: 10, field: 'body', has: ['the link "javascript:alert(1)" is not allowed'] }));
  });

  it('the line of a tag deep in an HTML block is its own', () => {
    expect(badBody('\n<div>\n<p>one</p>\n<p>two</p>\n<img src=x onerror=alert(1)>\n</div>\n'))
      .toMatch(reported(BAD, { line: 11, field: 'body', has: ['onerror'] }));
  });
});

describe('in MDX bodies too', () => {
  const mdx = (body: string) => validateTree({ 'articles/bad.mdx': article('', body) }).report;
  const FILE = 'content/articles/bad.mdx';
  it.each([
    ['<img src="/x.png" alt="" onError="alert(1)" />', 'the onerror attribute of <img>'],
    ['<a href="javascript:alert(1)">x</a>', '<a href>: the link "javascript:alert(1)"'],
    ['<a href={"javascript:alert(1)"}>x</a>', 'must be written as quoted text'],
    ['<a {...{ href: "javascript:alert(1)" }}>x</a>', 'cannot be checked'],
    ['<script>{"alert(1)"}</script>', '<script> is not allowed'],
    ['<div style={{ color: "red" }}>x</div>', 'the style attribute of <div>'],
    ['![pixel](https://tracker.example/p.gif)', 'would be loaded from another site'],
  ])('%s', (body, message) => {
    expect(mdx(`\nFine.\n\n${body}\n`)).toMatch(reported(FILE, { line: 10, field: 'body', has: [message] }));
  });
});

describe('what is only text stays allowed (and is shown literally)', () => {
  it('markup-looking titles, descriptions and names', () => {
    const quoted = JSON.stringify(MARKUP);
    const { errors } = validateTree({
      'articles/ok.md': md(`title: ${quoted}\ndescription: ${quoted}\ndateline: ${quoted.slice(0, 60)}"\npubDate: 2018-07-12\ntopics: [diplomacy]\nsource:\n  name: ${quoted}\n  url: https://example.org/story?a=1&b=<2>`),
      'people/odd-name.md': md(`name: ${quoted}`),
    });
    expect(errors).toEqual([]);
  });

  it('code that shows markup, escaped text, and ordinary links and pictures', () => {
    const body = [
      '', 'Inline `<script>alert(1)</script>` code and &lt;script&gt; text.', '',
      '```html', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '```', '',
      '[source](https://example.org/a?b=c), [mail](mailto:desk@example.org), [here](/topics/diplomacy/), [above](#top).', '',
      '![A map](/images/map.png)', '', '<figure><img src="/images/map.png" alt="A map" /><figcaption>Map</figcaption></figure>', '',
    ].join('\n');
    expect(validateTree({ 'articles/ok.md': article('', body) }).errors).toEqual([]);
    expect(validateTree({ 'articles/ok.mdx': article('', body.replace('&lt;script&gt; text', 'plain text')) }).errors).toEqual([]);
  });
});

describe('everything is reported in one run', () => {
  it('frontmatter and body problems of several files together', () => {
    const { errors } = validateTree({
      'articles/bad.md': article('source:\n  name: W\n  url: "javascript:alert(1)"', '\n<script>alert(1)</script>\n'),
      'people/spoofed.md': md(`name: "Ali ${RLO}reza"`),
    });
    expect(errors.map((e) => `${e.file} ${e.field}`).sort()).toEqual([
      'content/articles/bad.md body', 'content/articles/bad.md source.url', 'content/people/spoofed.md name',
    ]);
  });
});

it('bidiControls finds every control with its position', () => {
  expect(bidiControls(`a${RLO}b\u2066c`).map((c) => `${c.code}@${c.position}`)).toEqual(['U+202E@2', 'U+2066@4']);
});
