import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { quotePlugin, quoteCaption } from '../../src/lib/markdown/quote-plugin.ts';
import { quotesInSource } from '../../src/lib/content/quote-syntax.ts';

const people = new Map([['ali-akbar-velayati', { name: 'Ali Akbar Velayati' }], ['bahram-qassemi', { name: 'Bahram Qassemi' }]]);
const features = { gfm: true, smartPunctuation: true };
const html = (source: string, base = '/') => markdownToHtml(source, { features, mdastPlugins: [quotePlugin({ people, base })] }).html;
const mdx = (source: string) =>
  mdxToJs(source, { features, jsx: true, jsxImportSource: 'astro', elementAttributeNameCase: 'html', mdastPlugins: [quotePlugin({ people, base: '/' })] }).code;

describe('the Markdown attribution renders as a captioned figure', () => {
  const source = 'Intro.\n\n> Cooperation is "strategic".\n>\n> — @ali-akbar-velayati, special envoy, 2018-07-12\n';

  it('figure with anchor id and speaker facet, blockquote without the attribution, caption linking the person', () => {
    const out = html(source);
    expect(out).toContain('<figure id="quote-ali-akbar-velayati-1" class="quote" data-pagefind-filter="speaker:ali-akbar-velayati"><blockquote>');
    expect(out).toContain('<p>Cooperation is “strategic”.</p>');
    expect(out).toContain('</blockquote><figcaption>— <cite><a href="/people/ali-akbar-velayati/"><bdi>Ali Akbar Velayati</bdi></a></cite>, special envoy, <time datetime="2018-07-12">12 July 2018</time></figcaption></figure>');
    expect(out).not.toContain('@ali-akbar-velayati,');
  });

  it('links under the deployment base', () => {
    expect(html(source, '/chronicle/')).toContain('<a href="/chronicle/people/ali-akbar-velayati/">');
  });

  it('splits an attribution written on the quotation’s last line', () => {
    const out = html('> Views are explained.\n> -- @bahram-qassemi\n');
    expect(out).toMatch(/<blockquote>\s*<p>Views are explained\.<\/p>\s*<\/blockquote><figcaption>— <cite><a href="\/people\/bahram-qassemi\/"><bdi>Bahram Qassemi<\/bdi><\/a><\/cite><\/figcaption>/);
  });

  it('leaves other blockquotes as they were', () => {
    expect(html('> Just words.\n')).toBe('<blockquote>\n<p>Just words.</p>\n</blockquote>\n');
  });

  it('puts on the page the ids the ledger links to; each speaker tags the page for search once', () => {
    const body = '> One.\n>\n> — @bahram-qassemi\n\n> Two.\n>\n> — @ali-akbar-velayati\n\n> Three.\n>\n> — @bahram-qassemi\n';
    const figures = [...html(body).matchAll(/<figure id="([^"]+)" class="quote"( data-pagefind-filter="[^"]+")?>/g)];
    const onPage = figures.map((m) => m[1]);
    expect(onPage).toEqual(quotesInSource(body, 'md').map((q) => q.id));
    expect(onPage).toEqual(['quote-bahram-qassemi-1', 'quote-ali-akbar-velayati-1', 'quote-bahram-qassemi-2']);
    expect(figures.map((m) => m[2]?.trim())).toEqual(['data-pagefind-filter="speaker:bahram-qassemi"', 'data-pagefind-filter="speaker:ali-akbar-velayati"', undefined]);
  });
});

describe('MDX', () => {
  it('gives each <Quote> its anchor id, marks one inside a sentence as inline, and the first as the page’s facet', () => {
    const code = mdx('He hoped for “<Quote by="ali-akbar-velayati" id="mine">a turning point</Quote>” there.\n\n<Quote by="ali-akbar-velayati" role="envoy">\nBlock.\n</Quote>\n');
    expect(code).toContain('<Quote by="ali-akbar-velayati" id="quote-ali-akbar-velayati-1" inline speakerFacet>{"a turning point"}</Quote>');
    expect(code).toContain('<Quote by="ali-akbar-velayati" role="envoy" id="quote-ali-akbar-velayati-2">');
    expect(code).not.toContain('"mine"');
  });

  it('renders the blockquote syntax in MDX as the same figure', () => {
    const code = mdx('> Words.\n>\n> — @bahram-qassemi\n');
    expect(code).toContain('<_components.figure id="quote-bahram-qassemi-1" class="quote" data-pagefind-filter="speaker:bahram-qassemi">');
    expect(code).toContain('<_components.cite><_components.a href="/people/bahram-qassemi/">');
  });
});

describe('quoteCaption', () => {
  it('keeps the precision of the date and has no link for an unknown person', () => {
    expect(quoteCaption({ by: 'x', role: 'r', date: '2018-07' }, { name: 'X Y' })).toEqual({
      name: 'X Y', path: '/people/x/', role: 'r', date: { iso: '2018-07', text: 'July 2018' }, filter: 'speaker:x',
    });
    expect(quoteCaption({ by: 'nobody' }, undefined)).toEqual({ name: 'nobody', filter: 'speaker:nobody' });
  });
});

/** What Astro hands Sätteri's plugins for one file (`ctx.data.astro`). */
const astroData = (frontmatter: Record<string, unknown>) =>
  ({ astro: { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } });

describe('a Markdown quotation’s date is written in its article’s language', () => {
  const source = '> Cooperation is strategic.\n>\n> — @ali-akbar-velayati, 2018-07-12\n';
  const inLanguage = (lang: string | undefined, render: 'md' | 'mdx' = 'md') => {
    const data = astroData(lang === undefined ? {} : { lang });
    const mdastPlugins = [quotePlugin({ people, base: '/' })];
    return render === 'md'
      ? markdownToHtml(source, { features, mdastPlugins, data }).html
      : mdxToJs(source, { features, jsx: true, jsxImportSource: 'astro', elementAttributeNameCase: 'html', mdastPlugins, data }).code;
  };

  it('English newspaper style when the article names no language, or English', () => {
    expect(inLanguage(undefined)).toContain('<time datetime="2018-07-12">12 July 2018</time>');
    expect(inLanguage('en')).toContain('<time datetime="2018-07-12">12 July 2018</time>');
  });

  it('Russian words in a Russian article', () => {
    expect(inLanguage('ru')).toContain('<time datetime="2018-07-12">12 июля 2018 г.</time>');
  });

  it('Persian words and digits, Gregorian calendar, in a Persian article (.md and .mdx)', () => {
    const expected = new Intl.DateTimeFormat('fa-IR-u-ca-gregory', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(2018, 6, 12, 12)));
    expect(expected).toMatch(/۱۲.*۲۰۱۸/);
    expect(inLanguage('fa')).toContain(`<time datetime="2018-07-12">${expected}</time>`);
    expect(inLanguage('fa', 'mdx')).toContain(expected);
    expect(inLanguage('fa')).not.toContain('July');
  });

  it('keeps the precision the author wrote', () => {
    const html = markdownToHtml('> Words.\n>\n> — @ali-akbar-velayati, 2018-07\n', { features, mdastPlugins: [quotePlugin({ people, base: '/' })], data: astroData({ lang: 'ru' }) }).html;
    expect(html).toMatch(/<time datetime="2018-07">июль 2018/i);
  });
});
