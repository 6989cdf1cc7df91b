import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildOnce } from './helpers/site.ts';
import { crawl, filesIn } from './helpers/crawl.ts';
import { builtPages, reachFromHome, sitemapPaths } from './helpers/reach.ts';
import { writeLanguagesFixture } from './helpers/languages-fixture.ts';
import { normalizeSite } from '../src/lib/build/deployment.ts';

/**
 * Link integrity over the built site (e2e/helpers/crawl.ts): every internal
 * href, src and srcset in every HTML file, every address in every feed and
 * sitemap, and every stylesheet url() resolves to a file in dist/, and every
 * #fragment names an element (an id, or the name of an <a>) on its target
 * page. The sub-path deployment is crawled the same way in e2e/subpath.test.ts.
 */

const SITE = normalizeSite(process.env.CHRONICLE_SITE);
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe.each([
  ['the repository archive', async () => inject('seedDist')],
  ['the languages fixture (right-to-left headings and fragments)', async () => {
    const fixture = writeLanguagesFixture();
    temps.push(dirname(fixture));
    return (await buildOnce({ name: 'languages', contentDir: fixture })).outDir;
  }],
])('%s', (_name, distOf) => {
  it('has no broken link, source, feed entry or #fragment', async () => {
    const dist = await distOf();
    const result = crawl({ dist, base: '/', site: SITE });
    expect(result.problems).toEqual([]);
    // It did look: every page, and many links (the site-wide feed and every entity's feed among them).
    const files = filesIn(dist);
    expect(result.pages.length).toBe(files.filter((f) => f.endsWith('.html')).length);
    expect(files.filter((f) => f.endsWith('rss.xml')).length).toBeGreaterThan(3);
    expect(result.checked).toBeGreaterThan(result.pages.length * 10);
  });

  it('reaches every built page by links from the home page, and the sitemap lists exactly those pages', async () => {
    const dist = await distOf();
    const { reached, via } = reachFromHome({ dist, base: '/', site: SITE });
    const { indexable, noindex } = builtPages(dist, '/');
    const sorted = (set: Iterable<string>) => [...set].sort();
    expect(sorted(indexable).filter((path) => !reached.has(path))).toEqual([]);
    expect(sorted(reached)).toEqual(sorted(indexable));
    expect(sorted(sitemapPaths(dist))).toEqual(sorted(indexable));
    // Only the 404 page asks not to be indexed here (these archives have no aliases).
    expect(sorted(noindex)).toEqual(['/404.html']);
    // Each index page is reached from the home page itself (header or footer), a person's quotes from their page.
    for (const index of ['/topics/', '/events/', '/people/', '/organizations/', '/countries/']) {
      if (indexable.has(index)) expect(via.get(index)).toBe('/');
    }
    for (const path of indexable) {
      const person = /^\/people\/([^/]+)\/quotes\/$/.exec(path)?.[1];
      if (person) expect(via.get(path)).toBe(`/people/${person}/`);
    }
  });
});

describe('no empty country pages', () => {
  it('a country gets a page and feed only when an article or event names it or a file describes it', () => {
    const dist = inject('seedDist');
    const countries = filesIn(join(dist, 'countries')).filter((f) => /countries\/[a-z]{2}\/index\.html$/.test(f));
    const codes = new Set(countries.map((f) => /countries\/([a-z]{2})\//.exec(f)?.[1]).filter(Boolean));
    // The seed's articles and events name a handful of countries; nothing names Andorra.
    expect(codes.size).toBeGreaterThan(1);
    expect(codes.size).toBeLessThan(20);
    // Each country page shows something of its own: an article or an event that names it.
    for (const file of countries) {
      const main = readFileSync(file, 'utf8').split('<main')[1] ?? '';
      expect(/href="\/(articles|events)\/[^"]+"/.test(main), file).toBe(true);
    }
    expect(existsSync(join(dist, 'countries/ad/index.html'))).toBe(false);
    expect(existsSync(join(dist, 'countries/ad/rss.xml'))).toBe(false);
    expect(existsSync(join(dist, 'countries/ir/rss.xml'))).toBe(true);
  });
});

describe('the reach from the home page finds orphans (it can fail)', () => {
  it('a page no link leads to is built but not reached', () => {
    const dist = mkdtempSync(join(tmpdir(), 'chronicle-reach-'));
    temps.push(dist);
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    };
    write('index.html', '<a href="/a/">a</a><a href="https://elsewhere.example/b/">b elsewhere</a>');
    write('a/index.html', '<a href="../c/#x">c</a>');
    write('b/index.html', '<a href="/">home</a>');
    write('c/index.html', 'c');
    write('404.html', '<meta name="robots" content="noindex">');
    const { reached } = reachFromHome({ dist, base: '/', site: SITE });
    expect([...reached].sort()).toEqual(['/', '/a/', '/c/']);
    const { indexable, noindex } = builtPages(dist, '/');
    expect([...indexable].filter((path) => !reached.has(path))).toEqual(['/b/']);
    expect([...noindex]).toEqual(['/404.html']);
  });
});


describe('the crawl finds each kind of break (it can fail)', () => {
  it('in pages, srcsets, feeds and fragments, and passes what is whole', () => {
    const dist = mkdtempSync(join(tmpdir(), 'chronicle-links-'));
    temps.push(dist);
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    };
    write('index.html', [
      '<!doctype html><html><head><link rel="stylesheet" href="/style.css"></head><body id="top-of-page">',
      '<a href="#main">skip</a><main id="main"><a href="/a/">a</a><a href="/a/#part">part</a><a href="/a/#:~:text=word">text</a>',
      '<a href="/a/#missing">missing fragment</a><a href="#nowhere">missing here</a><a href="/gone/">gone</a>',
      '<img src="/pic.png" alt="" srcset="/pic.png 1x, /pic-2x.png 2x"><a href="https://elsewhere.example/x">other site</a>',
      '</main></body></html>',
    ].join(''));
    write('a/index.html', '<!doctype html><html><body><h2 id="part">Part</h2><a name="old-anchor"></a><a href="/#old-anchor-missing">x</a><a href="/a/#old-anchor">y</a></body></html>');
    write('style.css', 'body { background: url("/missing.png") }');
    write('pic.png', 'png');
    write('rss.xml', `<rss><channel><link>${SITE}/</link><item><link>${SITE}/a/</link></item><item><link>${SITE}/b/#frag</link></item></channel></rss>`);
    const { problems } = crawl({ dist, base: '/', site: SITE });
    expect(problems.sort()).toEqual([
      '/: "#nowhere" names #nowhere, which / has no element for',
      '/: "/a/#missing" names #missing, which /a/ has no element for',
      '/: "/gone/" points at no file in dist/',
      '/: "/pic-2x.png" points at no file in dist/',
      '/a/: "/#old-anchor-missing" names #old-anchor-missing, which / has no element for',
      `/rss.xml: "${SITE}/b/#frag" points at no file in dist/`,
      '/style.css: "/missing.png" points at no file in dist/',
    ]);
  });
});
