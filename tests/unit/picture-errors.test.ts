import { afterAll, describe, expect, it } from 'vitest';
import { article, removeContentTrees, reported, validateTree } from '../fixtures/content-tree.ts';

afterAll(removeContentTrees);

const FILE = 'content/articles/2018/07/visit/index.md';
/** An article in its own folder, with `lead.jpg` beside it; the body starts on file line 8. */
const withPictures = (body: string, extra: Record<string, string> = {}) =>
  validateTree({ 'articles/2018/07/visit/index.md': article('', `\n${body}\n`), 'articles/2018/07/visit/lead.jpg': 'jpeg bytes', ...extra });

describe('pictures in article bodies', () => {
  it('a picture beside the article, one in content/images/, and a public/ path are accepted', () => {
    const { errors } = withPictures('![A crowd](./lead.jpg)\n\n![A map](../../../../images/map.png)\n\n![A logo](/assets/logo.png)', { 'images/map.png': 'png bytes' });
    expect(errors).toEqual([]);
  });

  it('a missing picture file: file, line, body, and the closest picture in that folder', () => {
    const { report } = withPictures('Text.\n\n![A crowd](./led.jpg)');
    expect(report).toMatch(reported(FILE, { line: 10, field: 'body', has: ['"./led.jpg" does not exist', 'did you mean "./lead.jpg"?'] }));
  });

  it('missing alt text: file, line, body, and how to mark a decorative picture; "decorative" is accepted', () => {
    const { report } = withPictures('![](./lead.jpg)');
    expect(report).toMatch(reported(FILE, { line: 8, field: 'body', has: ['"./lead.jpg" has no alt text', '"decorative"'] }));
    expect(withPictures('![](./lead.jpg "decorative")').errors).toEqual([]);
  });

  it('a remote picture is still refused', () => {
    const { report } = withPictures('![A crowd](https://example.com/lead.jpg)');
    expect(report).toMatch(reported(FILE, { line: 8, field: 'body', has: ['would be loaded from another site'] }));
  });

  it('a reference-style picture, ![alt][ref], is checked with its definition: existence, alt text, another site', () => {
    expect(withPictures('![A crowd][lead]\n\n[lead]: ./lead.jpg').errors).toEqual([]);
    expect(withPictures('Text.\n\n![A crowd][lead]\n\n[lead]: ./led.jpg').report)
      .toMatch(reported(FILE, { line: 10, field: 'body', has: ['"./led.jpg" does not exist', 'did you mean "./lead.jpg"?'] }));
    expect(withPictures('![][lead]\n\n[lead]: ./lead.jpg').report).toMatch(reported(FILE, { line: 8, field: 'body', has: ['"./lead.jpg" has no alt text'] }));
    expect(withPictures('![A crowd][far]\n\n[far]: https://example.com/lead.jpg').report)
      .toMatch(reported(FILE, { line: 8, field: 'body', has: ['"https://example.com/lead.jpg" would be loaded from another site'] }));
  });

  it('a picture in a format the site cannot use: the file and the formats it takes', () => {
    const { report } = withPictures('Text.', { 'articles/2018/07/visit/scan.heic': 'heic', 'images/old.bmp': 'bmp', 'images/notes.txt': 'x' });
    expect(report).toMatch(reported('content/articles/2018/07/visit/scan.heic', { has: ['is a HEIC picture', 'save it as JPG, PNG, WEBP, AVIF, GIF'] }));
    expect(report).toMatch(reported('content/images/old.bmp', { has: ['is a BMP picture'] }));
    expect(report).toMatch(reported('content/images/notes.txt', { has: ['is not a picture'] }));
  });

  it('<Figure> in MDX: its src and alt are checked like a Markdown picture\'s', () => {
    const mdx = (body: string) => validateTree({ 'articles/2018/07/visit/index.mdx': article('', `\n${body}\n`), 'articles/2018/07/visit/lead.jpg': 'jpeg' }).report;
    const MDX = 'content/articles/2018/07/visit/index.mdx';
    expect(validateTree({ 'articles/2018/07/visit/index.mdx': article('', '\n<Figure src="./lead.jpg" alt="A crowd" caption="c" credit="AP" />\n'), 'articles/2018/07/visit/lead.jpg': 'jpeg' }).errors).toEqual([]);
    expect(mdx('<Figure src="./leed.jpg" alt="A crowd" />')).toMatch(reported(MDX, { line: 8, field: 'body', has: ['"./leed.jpg" does not exist', 'did you mean "./lead.jpg"?'] }));
    expect(mdx('<Figure src="./lead.jpg" caption="c" />')).toMatch(reported(MDX, { line: 8, field: 'body', has: ['has no alt text'] }));
    expect(mdx('<Figure src="https://example.com/a.jpg" alt="A" />')).toMatch(reported(MDX, { line: 8, field: 'body', has: ['would be loaded from another site'] }));
    expect(mdx('<Figure alt="A" />')).toMatch(reported(MDX, { line: 8, field: 'body', has: ['<Figure> needs a src'] }));
  });
});
