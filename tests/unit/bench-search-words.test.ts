import { describe, expect, it } from 'vitest';
import { indexedWordsOf } from '../../scripts/bench/search-words.ts';

describe('bench:search chooses its words from what Pagefind indexes', () => {
  it('reads the data-pagefind-body element without its data-pagefind-ignore parts (nested ones included) and without <nav>, which Pagefind skips', () => {
    const page = '<main><p>mainlabel</p><article class="article" data-pagefind-body><p class="kicker" data-pagefind-ignore>kickerword</p>'
      + '<div>bodyword <div>nestedword</div></div><section data-pagefind-ignore><section>innerignored</section><p>ignoredtoo</p></section>'
      + '<nav class="prev-next"><a><span>Previous</span> navtitle</a></nav><p>afterword</p></article><footer>footerword</footer></main>';
    expect([...indexedWordsOf(page)]).toEqual(['bodyword', 'nestedword', 'afterword']);
  });
});
