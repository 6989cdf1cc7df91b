import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, type ConvertOptions } from '../../src/lib/import/html-to-markdown.ts';
import { expandWordPressShortcodes, replaceShortcodes } from '../../src/lib/import/wp-shortcodes.ts';
import { expandHugoShortcodes, expandLiquidTags } from '../../src/lib/import/template-tags.ts';
import { autoParagraphs, wordpressDate } from '../../src/lib/import/wordpress.ts';
import { feedDate } from '../../src/lib/import/feed.ts';
import { frontmatterLead, looseDate } from '../../src/lib/import/markdown-site.ts';
import { aliasPath, cutDescription, firstParagraph } from '../../src/lib/import/article-file.ts';
import { embedLink } from '../../src/lib/import/embeds.ts';
import { checkBody } from '../../src/lib/content/body-safety.ts';
import type { Note, SourceAttachment } from '../../src/lib/import/model.ts';
import { markdownToMdast } from 'satteri';
import { finishBody, pictureKey } from '../../src/lib/import/bodies.ts';
import type { ArticlePlan } from '../../src/lib/import/identity.ts';
import type { PictureOutcome } from '../../src/lib/import/pictures.ts';

function convert(html: string, overrides: Partial<ConvertOptions> = {}) {
  const notes: Note[] = [];
  const markdown = htmlToMarkdown(html, {
    notes,
    link: (href) => href,
    picture: (url, alt) => ({ src: `/images/x/${url.split('/').pop()}`, alt }),
    ...overrides,
  });
  return { markdown, notes };
}

describe('HTML to Markdown', () => {
  it('keeps headings, emphasis, lists, links, quotes and tables', () => {
    const { markdown } = convert('<h2>Head</h2><p>A <strong>bold</strong> and <em>light</em> <a href="https://e.org/">link</a>.</p><ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul><blockquote><p>Said.</p></blockquote><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>');
    expect(markdown).toBe('## Head\n\nA *bold* and _light_ [link](https://e.org/).\n\n- one\n- two\n  1. inner\n\n> Said.\n\n| a | b |\n| - | - |\n| 1 | 2 |'.replace('*bold*', '**bold**'));
  });

  it('keeps the language of code blocks from language-, lang- and SyntaxHighlighter classes', () => {
    expect(convert('<pre><code class="language-ts">let a = 1 &lt; 2;</code></pre>').markdown).toBe('```ts\nlet a = 1 < 2;\n```');
    expect(convert('<pre class="brush: php; gutter: false">echo 1;</pre>').markdown).toBe('```php\necho 1;\n```');
    expect(convert('<pre>plain</pre>').markdown).toBe('```\nplain\n```');
  });

  it('turns a figure into Chronicle\'s figure form, ![alt](./copy "Caption"), pointing at the copy beside the article', () => {
    const beside = { picture: (url: string, alt: string) => ({ src: `./${url.split('/').pop()}`, alt }) };
    const { markdown } = convert('<figure class="wp-block-image"><img src="https://old.example/a.jpg" alt="A [map]"/><figcaption>The <em>map</em>, "annotated"</figcaption></figure>', beside);
    // The caption is plain text (a Markdown title); the quotes in it are escaped, and the build reads it back whole.
    expect(markdown).toBe('![A \\[map\\]](./a.jpg "The map, \\"annotated\\"")');
    const image = (markdownToMdast(markdown) as unknown as { children: { children: { type: string; alt: string; title: string }[] }[] }).children[0]!.children[0]!;
    expect(image).toMatchObject({ type: 'image', alt: 'A [map]', title: 'The map, "annotated"' });
    const failed = convert('<figure><img src="https://old.example/b.jpg" alt="B"><figcaption>Cap</figcaption></figure>', { picture: (_url, alt) => ({ src: undefined, alt }) });
    expect(failed.markdown).toBe('[Picture: B](https://old.example/b.jpg) (Cap)');
  });

  it('a link in a figure\'s caption is listed, since the caption is plain text; a picture not fetched keeps its caption\'s markup', () => {
    const beside = { picture: (url: string, alt: string) => ({ src: `./${url.split('/').pop()}`, alt }) };
    const html = '<figure><img src="https://old.example/a.jpg" alt="A"><figcaption>Photo: <a href="https://agency.example/">Agency</a>, <em>2018</em></figcaption></figure>';
    const kept = convert(html, beside);
    expect(kept.markdown).toBe('![A](./a.jpg "Photo: Agency, 2018")');
    expect(kept.notes).toEqual([{ kind: 'unconvertible', needle: 'Photo: Agency, 2018', detail: 'the caption "Photo: Agency, 2018" linked to https://agency.example/; a figure\'s caption is plain text, so the link was dropped: put it in the text if it matters' }]);
    const failed = convert(html, { picture: (_url, alt) => ({ src: undefined, alt }) });
    expect(failed.markdown).toBe('[Picture: A](https://old.example/a.jpg) (Photo: [Agency](https://agency.example/), _2018_)');
    expect(failed.notes).toEqual([]);
  });

  it('links to a picture whose download failed instead of loading it from the old site', () => {
    const { markdown } = convert('<p><img src="https://old.example/b.jpg" alt="B"></p>', { picture: (_url, alt) => ({ src: undefined, alt }) });
    expect(markdown).toBe('[Picture: B](https://old.example/b.jpg)');
    expect(checkBody(markdown, markdown, { mdx: false })).toEqual([]);
  });

  it('turns embeds into plain links with a title, never a frame', () => {
    const { markdown, notes } = convert([
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Launch video"></iframe>',
      '<figure class="wp-block-embed-youtube wp-block-embed"><div class="wp-block-embed__wrapper">https://youtu.be/dQw4w9WgXcQ</div></figure>',
      '<blockquote class="twitter-tweet"><p>Hello world</p>— A (@a) <a href="https://twitter.com/a/status/123">date</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script>',
      '<iframe src="https://maps.example/embed?x=1"></iframe>',
    ].join(''));
    expect(markdown).toBe([
      '[Launch video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)',
      '[Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)',
      '[Post by @a on X: “Hello world”](https://twitter.com/a/status/123)',
      '[Embedded content from maps.example](https://maps.example/embed?x=1)',
    ].join('\n\n'));
    expect(notes.map((n) => n.detail)).toEqual(['an embedded frame from maps.example became a link']);
  });

  it('drops scripts, styles and forms, and says so', () => {
    const { markdown, notes } = convert('<p>Text</p><script>alert(1)</script><style>p{}</style><form><input></form>');
    expect(markdown).toBe('Text');
    expect(notes.map((n) => n.kind)).toEqual(['unconvertible', 'unconvertible', 'unconvertible']);
    expect(notes[0]!.detail).toContain('<script>');
  });

  it('points old links at the new addresses', () => {
    const { markdown } = convert('<p><a href="/?p=12">old</a> <a href="https://else.example/">else</a></p>', { link: (href) => (href === '/?p=12' ? '/articles/2018/07/x/' : href) });
    expect(markdown).toBe('[old](/articles/2018/07/x/) [else](https://else.example/)');
  });

  it('leaves out the Gutenberg block comments', () => {
    expect(convert('<!-- wp:paragraph --><p>One</p><!-- /wp:paragraph -->').markdown).toBe('One');
  });
});

describe('WordPress shortcodes', () => {
  const attachments = new Map<string, SourceAttachment>([
    ['7', { id: '7', url: 'https://old.example/g.jpg', alt: 'Gallery picture', caption: 'Seven' }],
    ['8', { id: '8', url: 'https://old.example/h.jpg', alt: 'Harbour', caption: 'The harbour, <em>1910</em> &amp; now' }],
  ]);
  const expand = (html: string) => {
    const notes: Note[] = [];
    return { html: expandWordPressShortcodes(html, attachments, notes), notes };
  };

  it('[caption] becomes a figure, with the caption from the text or the attribute', () => {
    expect(expand('[caption id="attachment_1" width="300"]<a href="x"><img src="a.jpg" alt="A" /></a> A <b>caption</b>[/caption]').html)
      .toBe('<figure><img src="a.jpg" alt="A" /><figcaption>A <b>caption</b></figcaption></figure>');
    expect(expand('[caption caption="Old style"]<img src="a.jpg">[/caption]').html).toBe('<figure><img src="a.jpg"><figcaption>Old style</figcaption></figure>');
  });

  it('[embed], [youtube], [code] and [gallery] become what they show', () => {
    expect(expand('[embed]https://youtu.be/dQw4w9WgXcQ[/embed]').html).toBe('<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Video on YouTube</a></p>');
    expect(expand('[youtube=https://www.youtube.com/watch?v=dQw4w9WgXcQ]').html).toContain('watch?v=dQw4w9WgXcQ');
    expect(expand('[code lang="js"]if (a < b) {}[/code]').html).toBe('<pre><code class="language-js">if (a &lt; b) {}</code></pre>');
    expect(expand('[gallery ids="7"]').html).toBe('<figure><img src="https://old.example/g.jpg" alt="Gallery picture"><figcaption>Seven</figcaption></figure>');
  });

  it('[gallery] reads an attachment\'s caption as the HTML WordPress stores, so its markup is not shown as text', () => {
    const { html } = expand('[gallery ids="8"]');
    expect(html).toBe('<figure><img src="https://old.example/h.jpg" alt="Harbour"><figcaption>The harbour, <em>1910</em> &amp; now</figcaption></figure>');
    expect(htmlToMarkdown(html, { notes: [], link: (href) => href, picture: (url, alt) => ({ src: `./${url.split('/').pop()}`, alt }) })).toBe('![Harbour](./h.jpg "The harbour, 1910 & now")');
  });

  it('an unknown shortcode stays as written and is listed; brackets in prose are not shortcodes', () => {
    const { html, notes } = expand('Before [poll id="4"] after [sic] and [1] and [[caption]].');
    expect(html).toBe('Before [poll id="4"] after [sic] and [1] and [caption].');
    expect(notes).toEqual([{ kind: 'unknown-shortcode', detail: '[poll] is not known and was left as text: [poll id="4"]', needle: 'poll id="4"]' }]);
  });

  it('finds closing tags and nested shortcodes', () => {
    const seen: string[] = [];
    replaceShortcodes('[outer a=1][inner /][/outer]', (code) => { seen.push(`${code.name}:${code.content ?? '-'}`); return undefined; });
    expect(seen).toEqual(['outer:[inner /]', 'inner:-']);
  });

  it('adds paragraphs to classic-editor posts as WordPress shows them', () => {
    expect(autoParagraphs('One\nline\n\nTwo\n\n<pre>a\n\nb</pre>')).toBe('<p>One<br>\nline</p>\n<p>Two</p>\n<pre>a\n\nb</pre>');
    expect(autoParagraphs('<!-- wp:paragraph --><p>x</p>\n\n<!-- /wp:paragraph -->')).toBe('<!-- wp:paragraph --><p>x</p>\n\n<!-- /wp:paragraph -->');
  });
});

describe('Hugo shortcodes and Liquid tags', () => {
  const context = (posts: Record<string, string> = {}) => ({ notes: [] as Note[], resolvePost: (reference: string) => posts[reference] });

  it('Hugo: figure, youtube, tweet, highlight and ref become Markdown or HTML; others stay and are listed', () => {
    const c = context({ 'other.md': '/articles/2018/07/other/' });
    const out = expandHugoShortcodes([
      '{{< figure src="/img/a.png" alt="A" caption="Cap" >}}',
      '{{< youtube dQw4w9WgXcQ >}}',
      '{{< tweet user="jack" id="20" >}}',
      '{{< highlight go >}}\nfmt.Println(1)\n{{< /highlight >}}',
      '[x]({{< ref "other.md" >}})',
      '{{% notice %}}Careful{{% /notice %}}',
      '```\n{{< figure src="kept.png" >}}\n```',
    ].join('\n\n'), c);
    expect(out).toBe([
      '![A](/img/a.png "Cap")',
      '[Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)',
      '[Post by @jack on X](https://x.com/jack/status/20)',
      '```go\nfmt.Println(1)\n```',
      '[x](/articles/2018/07/other/)',
      '{{% notice %}}Careful{{% /notice %}}',
      '```\n{{< figure src="kept.png" >}}\n```',
    ].join('\n\n'));
    expect(c.notes.map((n) => n.detail)).toEqual(['the Hugo shortcode "notice" is not known and was left as text: {{% notice %}}Careful{{% /notice %}}']);
  });

  it('Markdown posts: pictures point at the copies beside the article, keep their caption, and <img> becomes a Markdown picture', () => {
    const plan = { id: '2018/07/x', notes: [], article: {} } as unknown as ArticlePlan;
    const copy = (name: string): PictureOutcome => ({ ok: true, picture: { root: 'content', path: `articles/2018/07/x/${name}`, src: `./${name}`, data: Buffer.alloc(0) } });
    const pictures = new Map([[pictureKey(plan.id, '/a.png'), copy('a.png')], [pictureKey(plan.id, '/c.png'), copy('c.png')]]);
    const body = 'Text <img src="/a.png" alt="A &amp; [B]"> more.\n\n![C](/c.png "The \\"caption\\"")\n\n![](/c.png)\n\n```\n<img src="/kept.png">\n```';
    const markdown = finishBody(plan, { format: 'markdown', text: body, pictures: [] }, { attachments: new Map(), pictures, link: (href) => href });
    expect(markdown).toBe('Text ![A & \\[B\\]](./a.png) more.\n\n![C](./c.png "The \\"caption\\"")\n\n![](./c.png)\n\n```\n<img src="/kept.png">\n```');
    expect(plan.notes.map((n) => n.kind)).toEqual(['missing-alt']);
  });

  it('a picture without alt text that was not copied (--no-pictures) becomes a link, and its note says so rather than that the build refuses it', () => {
    const plan = { id: '2018/07/x', notes: [], article: {} } as unknown as ArticlePlan;
    const markdown = finishBody(plan, { format: 'markdown', text: 'See ![](https://old.example/up/map.png) here.', pictures: [] }, { attachments: new Map(), pictures: undefined, link: (href) => href });
    expect(markdown).toBe('See [Picture](https://old.example/up/map.png) here.');
    expect(plan.notes).toEqual([{
      kind: 'missing-alt',
      detail: 'a picture has no alt text (map.png); it is written as a link named "Picture" to https://old.example/up/map.png: say what it shows in the link\'s text',
      needle: 'https://old.example/up/map.png',
    }]);
  });

  it('Liquid: highlight, raw, post_url and site.baseurl are handled; include and other variables are listed', () => {
    const c = context({ '2018-07-13-next': '/articles/2018/07/next/' });
    const out = expandLiquidTags('{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n[n]({% post_url 2018-07-13-next %})\n\n![a]({{ site.baseurl }}/a.png)\n\n{% raw %}{{ kept }}{% endraw %}\n\n{% include x.html %} {{ page.title }}', c);
    expect(out).toContain('```ruby\nputs 1\n```');
    expect(out).toContain('[n](/articles/2018/07/next/)');
    expect(out).toContain('![a](/a.png)');
    expect(out).toContain('{% include x.html %} {{ page.title }}');
    expect(c.notes.map((n) => n.detail)).toEqual([
      'the Liquid tag "include" is not known and was left as text: {% include x.html %}',
      'a Liquid variable is not known and was left as text: {{ kept }}',
      'a Liquid variable is not known and was left as text: {{ page.title }}',
    ]);
  });
});

describe('dates keep their time zone', () => {
  it('WordPress: local time with the offset from its GMT twin', () => {
    expect(wordpressDate('2018-07-12 09:30:00', '2018-07-12 05:00:00')).toBe('2018-07-12T09:30:00+04:30');
    expect(wordpressDate('2018-07-12 01:00:00', '2018-07-12 05:00:00')).toBe('2018-07-12T01:00:00-04:00');
    expect(wordpressDate('2018-07-12 09:30:00', '2018-07-12 09:30:00')).toBe('2018-07-12T09:30:00Z');
    expect(wordpressDate('2018-07-12 09:30:00', '0000-00-00 00:00:00')).toBe('2018-07-12T09:30:00');
    expect(wordpressDate('0000-00-00 00:00:00', '')).toBeUndefined();
  });

  it('feeds: RFC 822 and ISO 8601', () => {
    expect(feedDate('Thu, 12 Jul 2018 09:30:00 +0430')).toBe('2018-07-12T09:30:00+04:30');
    expect(feedDate('Fri, 13 Jul 2018 08:00:00 GMT')).toBe('2018-07-13T08:00:00Z');
    expect(feedDate('13 Jul 2018 08:00 EST')).toBe('2018-07-13T08:00:00-05:00');
    expect(feedDate('2018-07-13T10:00:00.123+03:00')).toBe('2018-07-13T10:00:00+03:00');
    expect(feedDate('yesterday')).toBeUndefined();
  });

  it('frontmatter: YAML text, Jekyll style and TOML dates', async () => {
    const { parse } = await import('smol-toml');
    expect(looseDate('2018-07-12 09:30:00 +0430')).toBe('2018-07-12T09:30:00+04:30');
    expect(looseDate('2018-07-12')).toBe('2018-07-12');
    expect(looseDate('2018-7-2T09:30:00Z')).toBe('2018-07-02T09:30:00Z');
    expect(looseDate(parse('d = 2018-07-12T09:30:00+04:30').d)).toBe('2018-07-12T09:30:00+04:30');
  });
});

describe('descriptions and old addresses', () => {
  it('cuts at the last sentence within 320 characters, else at a word with an ellipsis', () => {
    const sentence = 'Delegates met in Vienna. ';
    const long = sentence.repeat(20);
    const cut = cutDescription(long);
    expect(cut.length).toBeLessThanOrEqual(320);
    expect(cut.endsWith('Vienna.')).toBe(true);
    const words = 'word '.repeat(100);
    expect(cutDescription(words)).toMatch(/^(word ){60,}word…$/);
    expect(cutDescription(words).length).toBeLessThanOrEqual(320);
    expect(cutDescription('دور تازه‌ای آغاز شد؟ '.repeat(30)).endsWith('؟')).toBe(true);
  });

  it('takes the first paragraph of prose, skipping headings, pictures and figures', () => {
    expect(firstParagraph('## Head\n\n![a](/a.png)\n\n<figure>\n<img src="/a.png" alt="">\n</figure>\n\nThe *first* [real](/x) paragraph.\n\nSecond.')).toBe('The first real paragraph.');
  });

  it('old permalinks become paths, percent-encoded the way browsers send them', () => {
    expect(aliasPath('https://old.example/2018/07/12/talks/', undefined)).toBe('/2018/07/12/talks/');
    expect(aliasPath('/2018/07/گفتگو/', 'https://old.example')).toBe('/2018/07/%DA%AF%D9%81%D8%AA%DA%AF%D9%88/');
    expect(aliasPath('https://old.example/?p=5', undefined)).toBeUndefined();
    expect(aliasPath('https://old.example/a/../b', undefined)).toBe('/b');
  });

  it('recognises YouTube, X and Vimeo addresses', () => {
    expect(embedLink('https://www.youtube.com/shorts/dQw4w9WgXcQ')).toEqual({ url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Video on YouTube' });
    expect(embedLink('https://x.com/jack/status/20')?.title).toBe('Post by @jack on X');
    expect(embedLink('https://player.vimeo.com/video/76979871')).toEqual({ url: 'https://vimeo.com/76979871', title: 'Video on Vimeo' });
    expect(embedLink('javascript:alert(1)')).toBeUndefined();
  });
});

describe('feed reader', () => {
  it('an Atom entry with XHTML content is imported from its summary, and the report is told', async () => {
    const { readFeed } = await import('../../src/lib/import/feed.ts');
    const archive = readFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>X</title><published>2018-07-13T10:00:00Z</published><summary>Short.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Long.</p></div></content></entry></feed>`, 'atom.xml');
    expect(archive.articles[0]!.body.text).toBe('Short.');
    expect(archive.articles[0]!.notes).toEqual([{ kind: 'unconvertible', detail: 'the entry\'s content is XHTML, which the importer does not read; the summary was used' }]);
  });
});

describe('a Hugo or Jekyll post\'s lead picture', () => {
  it('is read from the forms themes write it in, with its alt text, caption and credit', () => {
    expect(frontmatterLead({ image: '/img/a.jpg', image_alt: 'A', image_caption: 'Cap', image_credit: 'By' })).toEqual({ address: '/img/a.jpg', alt: 'A', caption: 'Cap', credit: 'By' });
    expect(frontmatterLead({ image: { path: 'a.jpg', alt: 'A' } })).toMatchObject({ address: 'a.jpg', alt: 'A' });
    expect(frontmatterLead({ image: { feature: 'b.jpg', credit: 'Agency' } })).toMatchObject({ address: 'b.jpg', credit: 'Agency' });
    expect(frontmatterLead({ featured_image: 'c.jpg' })).toMatchObject({ address: 'c.jpg' });
    expect(frontmatterLead({ images: ['d.jpg', 'e.jpg'] })).toMatchObject({ address: 'd.jpg' });
    expect(frontmatterLead({ cover: { image: 'f.jpg', alt: 'F', caption: 'Fc' } })).toEqual({ address: 'f.jpg', alt: 'F', caption: 'Fc', credit: undefined });
    expect(frontmatterLead({ header: { overlay_image: '/g.jpg', caption: 'Photo: G' } })).toMatchObject({ address: '/g.jpg', caption: 'Photo: G' });
    expect(frontmatterLead({ image: false, cover: { hidden: true }, title: 'No picture' })).toBeUndefined();
  });
});
