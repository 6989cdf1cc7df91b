import { afterAll, describe, expect, it } from 'vitest';
import { article, removeContentTrees, reported, validateTree } from '../fixtures/content-tree.ts';

/** URLs the news-standards pages add (feeds, every country's page): an alias may not take them over. */
afterAll(removeContentTrees);

const BAD = 'content/articles/bad.md';
const reportFor = (aliases: string) => validateTree({ 'articles/bad.md': article(`aliases: [${aliases}]`) }).report;

describe('an alias claiming a generated page fails the build, naming what it collides with', () => {
  it('a topic, person or organization feed', () => {
    const report = reportFor('/topics/diplomacy/rss.xml, /people/jane-doe/rss.xml, /organizations/united-nations/rss.xml');
    expect(report).toMatch(reported(BAD, { line: 6, field: 'aliases[0]', has: ['/topics/diplomacy/rss.xml', "the site's feed for content/topics/diplomacy.md"] }));
    expect(report).toMatch(reported(BAD, { field: 'aliases[1]', has: ["the site's feed for content/people/jane-doe.md"] }));
    expect(report).toMatch(reported(BAD, { field: 'aliases[2]', has: ["the site's feed for content/organizations/united-nations.md"] }));
    // The entity's own file did nothing wrong, so no error is reported on it.
    expect(report).not.toMatch(/^ {2}content\/topics\/diplomacy\.md/m);
  });

  it("the page and feed of every country something names, whether or not a file describes it", () => {
    const report = validateTree({ 'articles/bad.md': article('countries: [FR]\naliases: [/countries/fr/, /countries/fr/rss.xml, /sitemap-0.xml, /rss.xml]') }).report;
    expect(report).toMatch(reported(BAD, { field: 'aliases[0]', has: ["the site's page for the country FR"] }));
    expect(report).toMatch(reported(BAD, { field: 'aliases[1]', has: ["the site's feed for the country FR"] }));
    expect(report).toMatch(reported(BAD, { field: 'aliases[2]', has: ["the site's sitemap /sitemap-0.xml"] }));
    expect(report).toMatch(reported(BAD, { field: 'aliases[3]', has: ["the site's own /rss.xml page"] }));
  });

  it('a country nothing names has no page, so its address is free for an alias', () => {
    const { errors } = validateTree({ 'articles/bad.md': article('aliases: [/countries/ad/, /countries/ad/rss.xml]') });
    expect(errors).toEqual([]);
  });

  it('an alias elsewhere is fine', () => {
    const { errors } = validateTree({ 'articles/bad.md': article('aliases: [/2018/07/old-slug/, /news/12345.html, /articles/2018/renamed-story/]') });
    expect(errors).toEqual([]);
  });
});

describe('an alias inside pages the site generates fails the build too', () => {
  it("inside an entity's folder: its later pages, timeline, quotes", () => {
    const report = validateTree({ 'articles/bad.md': article('countries: [IR]\naliases: [/topics/diplomacy/2/, /people/jane-doe/timeline/, /countries/ir/2/]') }).report;
    expect(report).toMatch(reported(BAD, { field: 'aliases[0]', has: ["the site's pages for content/topics/diplomacy.md (/topics/diplomacy/…)"] }));
    expect(report).toMatch(reported(BAD, { field: 'aliases[1]', has: ["the site's pages for content/people/jane-doe.md"] }));
    expect(report).toMatch(reported(BAD, { field: 'aliases[2]', has: ["the site's pages for the country IR"] }));
  });

  it('inside the pagination, timeline, archive and asset folders', () => {
    const report = reportFor('/page/2/, /timeline/2018/, /archive/2018/07/, /pagefind/x.js');
    ['/page/', '/timeline/', '/archive/', '/pagefind/'].forEach((folder, index) => {
      expect(report).toMatch(reported(BAD, { field: `aliases[${index}]`, has: [`the site's own ${folder} pages`] }));
    });
  });

  it('a folder of no entity is free', () => {
    const { errors } = validateTree({ 'articles/bad.md': article('aliases: [/topics/old-name/, /topics/old-name/2018/]') });
    expect(errors).toEqual([]);
  });
});
