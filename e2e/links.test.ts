import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildOnce } from './helpers/site.ts';
import { crawl, filesIn } from './helpers/crawl.ts';
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
