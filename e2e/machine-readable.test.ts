import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { validateXML } from 'xmllint-wasm';
import { XMLParser } from 'fast-xml-parser';
import { filesIn, servedPath } from './helpers/crawl.ts';
import { builtPages } from './helpers/reach.ts';
import { lastmodMismatches } from './helpers/sitemap-dates.ts';
import { jsonLdBlocks, nodeOfType, readGraph, VOCABULARY, type Node } from './helpers/structured-data.ts';
import { expandJsonLd, expandedTypes, SCHEMA } from './helpers/jsonld-expansion.ts';
import { normalizeSite } from '../src/lib/build/deployment.ts';

/**
 * The seed build as machines read it (issue 16): every page's one JSON-LD
 * graph checked against schema.org's vocabulary and itself, every feed read
 * by a feed parser, the sitemap validated against the sitemaps.org XSD by
 * libxml2 (compiled to WebAssembly), and dates that say only what the
 * author wrote.
 */

const SITE = normalizeSite(process.env.CHRONICLE_SITE);
const ARTICLE = '/articles/2018/07/iran-russia-ties-strategic-longstanding-velayati/';
const dist = () => inject('seedDist');
const html = (path: string) => readFileSync(join(dist(), path, 'index.html'), 'utf8');
const canonicalOf = (page: string) => /<link rel="canonical" href="([^"]+)"/.exec(page)?.[1] ?? '';
const graphOf = (path: string) => {
  const page = html(path);
  return readGraph(page, canonicalOf(page));
};

describe('structured data', () => {
  it('the checker knows the vocabulary and catches a misspelt property, an unknown type and a dangling @id', () => {
    expect(VOCABULARY.types.has('NewsArticle') && VOCABULARY.properties.has('nationality')).toBe(true);
    const bad = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"x#webpage","url":"x","name":"n","isPartOf":{"@id":"x#website"}},{"@type":"Persn","nationalty":"IR"}]}</script>';
    expect(readGraph(bad, 'x').problems).toEqual([
      '@type Persn is not a schema.org type', 'Persn.nationalty is not a schema.org property', '@id x#website is pointed at but not defined', 'no WebSite',
    ]);
  });

  it('every page has one graph: known types and properties, required fields, every @id it points at defined', () => {
    const { indexable } = builtPages(dist(), '/');
    expect(indexable.size).toBeGreaterThan(40);
    const problems = [...indexable, '/404.html'].flatMap((path) => {
      const file = path.endsWith('.html') ? join(dist(), path) : join(dist(), path, 'index.html');
      const page = readFileSync(file, 'utf8');
      return readGraph(page, canonicalOf(page)).problems.map((problem) => `${path}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('a JSON-LD processor expands every page\'s graph to schema.org IRIs and drops no term', async () => {
    const { indexable } = builtPages(dist(), '/');
    const types = new Set<string>();
    const problems: string[] = [];
    for (const path of [...indexable, '/404.html']) {
      const file = path.endsWith('.html') ? join(dist(), path) : join(dist(), path, 'index.html');
      for (const block of jsonLdBlocks(readFileSync(file, 'utf8'))) {
        const { expanded, problems: found } = await expandJsonLd(JSON.parse(block));
        problems.push(...found.map((problem) => `${path}: ${problem}`));
        for (const type of expandedTypes(expanded)) types.add(type);
      }
    }
    expect(problems).toEqual([]);
    // Every type the issue asks for was read as schema.org's, on some page.
    for (const type of ['WebSite', 'SearchAction', 'Organization', 'BreadcrumbList', 'NewsArticle', 'Event', 'CollectionPage', 'ItemList', 'ProfilePage', 'Person', 'Country', 'Quotation']) {
      expect(types, type).toContain(`${SCHEMA}${type}`);
    }
  });

  it('the expansion catches a misspelt property, an unknown type and a context that is not schema.org\'s', async () => {
    const { problems } = await expandJsonLd({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Persn', '@id': 'https://x.org/#p', nationalty: 'IR', name: 'A' }] });
    expect(problems).toEqual(['Persn does not resolve to a schema.org IRI', 'expansion kept 2 of 3 terms; dropped: nationalty']);
    await expect(expandJsonLd({ '@context': 'https://example.org/context', name: 'A' })).rejects.toThrow(/Dereferencing a URL did not result.*example\.org\/context/);
  });

  it('every page has the site with its search action and the publisher; every page below home has breadcrumbs', () => {
    for (const file of filesIn(dist()).filter((f) => f.endsWith('.html'))) {
      const path = servedPath(dist(), file, '/');
      const page = readFileSync(file, 'utf8');
      const graph = readGraph(page, canonicalOf(page));
      const site = nodeOfType(graph, 'WebSite')!;
      expect((site.potentialAction as Node).target, path).toEqual({ '@type': 'EntryPoint', urlTemplate: `${SITE}/search/?q={search_term_string}` });
      expect(graph.byId.get(`${SITE}/#publisher`)?.['@type'], path).toBe('Organization');
      if (path !== '/') expect(nodeOfType(graph, 'BreadcrumbList'), path).toBeDefined();
    }
  });

  it('lists are CollectionPages with an ItemList; people, organizations and countries are ProfilePages about a thing that is not the page', () => {
    for (const path of ['/', '/topics/', '/people/', '/events/', '/countries/', '/archive/', '/archive/2018/', '/timeline/', '/quotes/']) {
      const graph = graphOf(path);
      expect(nodeOfType(graph, 'CollectionPage'), path).toBeDefined();
      expect(nodeOfType(graph, 'ItemList')?.itemListElement, path).not.toEqual([]);
    }
    for (const [path, type, id] of [
      ['/people/ali-akbar-velayati/', 'Person', '#person'], ['/organizations/united-nations/', 'Organization', '#organization'], ['/countries/ir/', 'Country', '#country'],
    ] as const) {
      const graph = graphOf(path);
      const page = nodeOfType(graph, 'ProfilePage')!;
      expect(page.mainEntity).toEqual({ '@id': `${SITE}${path}${id}` });
      expect(graph.byId.get(`${SITE}${path}${id}`)).toMatchObject({ '@type': type, url: `${SITE}${path}` });
    }
  });

  it('an entity has the same id on every page that names it', () => {
    const person = `${SITE}/people/ali-akbar-velayati/#person`;
    const article = graphOf(ARTICLE);
    expect((nodeOfType(article, 'NewsArticle')!.mentions as Node[])).toContainEqual({ '@id': person });
    expect(article.byId.get(person)).toEqual(graphOf('/people/ali-akbar-velayati/').byId.get(person));
    const quotes = graphOf('/quotes/');
    const said = (nodeOfType(quotes, 'ItemList')!.itemListElement as Node[]).map((item) => (item.item as Node).spokenByCharacter as Node);
    expect(said.map((speaker) => speaker['@id'])).toContain(person);
    expect(nodeOfType(quotes, 'ItemList')!.itemListElement).toContainEqual(expect.objectContaining({ item: expect.objectContaining({ '@type': 'Quotation' }) }));
  });

  it('event pages carry an Event dated at its precision', () => {
    expect(nodeOfType(graphOf('/events/jcpoa-concluded/'), 'Event')).toMatchObject({ startDate: '2015', '@id': `${SITE}/events/jcpoa-concluded/#event` });
    expect(nodeOfType(graphOf('/events/us-withdraws-from-jcpoa/'), 'Event')!.startDate).toMatch(/^2018-05(-08)?$/);
  });
});

describe('honest dates', () => {
  it('a date-only article is that day in JSON-LD, and noon in its time zone where a time is needed', () => {
    const page = html(ARTICLE);
    expect(nodeOfType(readGraph(page, canonicalOf(page)), 'NewsArticle')!.datePublished).toBe('2018-07-12');
    expect(page).toContain('<meta property="article:published_time" content="2018-07-12T12:00:00+04:30">');
    const feed = parseFeed(readFileSync(join(dist(), 'rss.xml'), 'utf8'));
    const item = feed.items.find((i) => i.url === `${SITE}${ARTICLE}`)!;
    expect(item.published?.toISOString()).toBe('2018-07-12T07:30:00.000Z');
  });
});

describe('feeds, read by a feed parser', () => {
  it('every feed has its items with links, GUIDs and publication dates, newest first', () => {
    const feeds = filesIn(dist()).filter((f) => f.endsWith('rss.xml'));
    expect(feeds.length).toBeGreaterThan(5);
    for (const file of feeds) {
      const feed = parseFeed(readFileSync(file, 'utf8'));
      expect(feed.title, file).toBeTruthy();
      // The site feed and every topic's feed have stories; an entity only events name may have none yet.
      if (file.endsWith(`${dist()}/rss.xml`) || file.includes('/topics/')) expect(feed.items.length, file).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(item.url, file).toMatch(new RegExp(`^${SITE}/articles/`));
        expect(item.id, file).toBe(item.url);
        expect(item.published, file).toBeInstanceOf(Date);
      }
      const dates = feed.items.map((item) => item.published!.getTime());
      expect(dates, file).toEqual([...dates].sort((a, b) => b - a));
    }
  });
});

describe('sitemap', () => {
  // The <urlset> XSD sitemaps.org publishes, as the `sitemap` package ships it, and the
  // <sitemapindex> one written from the protocol's text (the package does not ship it).
  const schemaOf = (url: URL, fileName: string) => ({ fileName, contents: readFileSync(fileURLToPath(url), 'utf8') });
  const urlset = schemaOf(new URL('../node_modules/sitemap/schema/sitemap.xsd', import.meta.url), 'sitemap.xsd');
  const siteindex = schemaOf(new URL('./fixtures/siteindex.xsd', import.meta.url), 'siteindex.xsd');
  const errorsOf = async (fileName: string, contents: string, schema: typeof urlset) =>
    (await validateXML({ xml: [{ fileName, contents }], schema: [schema] })).errors.map((error) => error.rawMessage);

  it('the index and every sitemap validate against the sitemaps.org XSDs, and the validator does catch a bad file', async () => {
    const index = readFileSync(join(dist(), 'sitemap-index.xml'), 'utf8');
    expect(await errorsOf('sitemap-index.xml', index, siteindex)).toEqual([]);
    const parts = filesIn(dist()).filter((f) => /sitemap-\d+\.xml$/.test(f));
    expect(parts.length).toBeGreaterThan(0);
    // The index lists exactly the sitemaps that were written.
    const listed = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(listed.sort()).toEqual(parts.map((file) => servedPath(dist(), file, '/')).sort());
    for (const file of parts) expect(await errorsOf(file, readFileSync(file, 'utf8'), urlset), file).toEqual([]);
    const ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
    expect(await errorsOf('bad.xml', `<urlset ${ns}><url><loc>https://x.org/</loc><lastmod>yesterday</lastmod></url></urlset>`, urlset)).not.toEqual([]);
    expect(await errorsOf('bad-index.xml', `<sitemapindex ${ns}><sitemap><lastmod>2018-07-12</lastmod></sitemap></sitemapindex>`, siteindex)).not.toEqual([]);
    expect(await errorsOf('bad-index.xml', `<sitemapindex ${ns}><sitemap><loc>https://x.org/s.xml</loc><lastmod>12 July</lastmod></sitemap></sitemapindex>`, siteindex)).not.toEqual([]);
    expect(await errorsOf('urlset-as-index.xml', `<urlset ${ns}><url><loc>https://x.org/</loc></url></urlset>`, siteindex)).not.toEqual([]);
  });

  it("a listing's lastmod is the newest change among what it lists; a day is written as a day", () => {
    const xml = new XMLParser({ isArray: (name) => name === 'url' });
    const urls = filesIn(dist()).filter((f) => /sitemap-\d+\.xml$/.test(f))
      .flatMap((file) => xml.parse(readFileSync(file, 'utf8')).urlset.url as { loc: string; lastmod?: string }[]);
    const lastmod = new Map(urls.map((u) => [new URL(u.loc).pathname, u.lastmod]));
    for (const value of lastmod.values()) if (value) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/);
    const article = lastmod.get(ARTICLE)!;
    expect(article).toBeDefined();
    for (const listing of ['/', '/people/ali-akbar-velayati/', '/topics/', '/countries/ir/']) {
      expect(Date.parse(lastmod.get(listing)!), listing).toBeGreaterThanOrEqual(Date.parse(article));
    }
    // The quotes pages, the home page and the archive's year: the newest change among the articles they show.
    const quotePages = [...lastmod.keys()].filter((path) => /\/quotes\/(\d+\/)?$/.test(path));
    expect(quotePages.length).toBeGreaterThan(2);
    expect(lastmodMismatches(dist(), ['/', '/archive/2018/', ...quotePages])).toEqual([]);
  });
});
