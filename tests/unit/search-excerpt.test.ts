import { describe, expect, it } from 'vitest';
import { excerptParts, highlightUrl } from '../../src/client/search/excerpt.ts';

describe('excerpts', () => {
  it('splits matched words from plain text and unescapes what Pagefind escaped', () => {
    expect(excerptParts('said <mark>Velayati</mark> of a &lt;b&gt; tag &amp; more')).toEqual([
      { text: 'said ', mark: false },
      { text: 'Velayati', mark: true },
      { text: ' of a <b> tag &amp; more', mark: false },
    ]);
  });

  it('never turns page text into markup: a script tag stays text', () => {
    const parts = excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>word</mark>');
    expect(parts[0]).toEqual({ text: '<script>alert(1)</script> ', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['word']);
  });
});

describe('highlight on landing', () => {
  const url = '/articles/2018/07/iran-russia/';

  it('anchors each matched word by the word before and the word after it', () => {
    const parts = excerptParts('Strategic, Longstanding: <mark>Velayati.</mark> Ali Akbar <mark>Velayati,</mark> in Moscow');
    expect(highlightUrl(url, parts, ['velayati'])).toBe(
      `${url}#:~:text=Longstanding%3A-,Velayati&text=Velayati,-.%20Ali`,
    );
  });

  it('escapes the characters text directives reserve', () => {
    const parts = excerptParts('the Iran-Russia <mark>co-operation</mark>, and more');
    expect(highlightUrl(url, parts, [])).toBe(`${url}#:~:text=Iran%2DRussia-,co%2Doperation&text=co%2Doperation,-%2C%20and`);
  });

  it('keeps punctuation around a word out of the highlight but in its anchors', () => {
    const parts = excerptParts('the adviser <mark>(Velayati)</mark> said');
    expect(highlightUrl(url, parts, [])).toBe(`${url}#:~:text=adviser%20(-,Velayati&text=Velayati,-)%20said`);
  });

  it('highlights several distinct words, each once', () => {
    const parts = excerptParts('<mark>nuclear</mark> deal and the <mark>Nuclear</mark> <mark>accord</mark>');
    const href = highlightUrl(url, parts, []);
    expect(href).toBe(`${url}#:~:text=nuclear,-deal&text=Nuclear-,accord`);
  });

  it('falls back to the query words when the excerpt marks none, and adds to an existing fragment', () => {
    expect(highlightUrl(url, excerptParts('no marks here'), ['Putin', 'envoy'])).toBe(`${url}#:~:text=Putin&text=envoy`);
    expect(highlightUrl(`${url}#section`, excerptParts('<mark>x</mark>'), [])).toBe(`${url}#section:~:text=x`);
    expect(highlightUrl(url, [], [])).toBe(url);
  });
});
