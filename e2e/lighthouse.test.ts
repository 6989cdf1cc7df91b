import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { serveDir } from './helpers/serve.ts';
import { templatePages } from './helpers/templates.ts';
import { LIGHTHOUSE_TEMPLATES, startLighthouse, type LighthouseBrowser, type Scheme } from './helpers/lighthouse.ts';

/**
 * Lighthouse (simulated mobile) on one page of each template issue 17 names,
 * light and dark, on the seed archive: accessibility, best practices and SEO
 * at 100 and no layout shift (render-blocking requests: e2e/budgets.test.ts,
 * one stylesheet per page; Lighthouse's own list came back empty even for a
 * page with two stylesheets and a blocking script). What does not depend on the machine's load is asserted here; the
 * performance score and LCP are measured by `npm run bench:lighthouse`
 * (BENCHMARKS.md).
 */

const pages = templatePages(inject('seedDist'), 'velayati');
const browsers: LighthouseBrowser[] = [];
afterAll(async () => { await Promise.all(browsers.map((browser) => browser.close())); });

describe.each(['light', 'dark'] as Scheme[])('Lighthouse, %s scheme', (scheme) => {
  let lighthouse: LighthouseBrowser | undefined;
  const run = async (path: string) => {
    if (!lighthouse) browsers.push(lighthouse = await startLighthouse(scheme));
    return lighthouse.run(new URL(path, inject('seedUrl')).href);
  };

  it.each(LIGHTHOUSE_TEMPLATES.map((name) => [name]))('%s: accessibility, best practices and SEO 100, CLS 0', async (name) => {
    const page = pages.find((p) => p.template === name);
    expect(page, `a page for ${name}`).toBeDefined();
    const result = await run(page!.path);
    expect(result.failing).toEqual([]);
    expect([result.scores.accessibility, result.scores['best-practices'], result.scores.seo]).toEqual([100, 100, 100]);
    expect(result.cls).toBe(0);
  });
});

describe('the Lighthouse check (it can fail)', () => {
  it('reports a page without a language, a description or alt text, and a late shift', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-lighthouse-'));
    writeFileSync(join(dir, 'a.css'), `p { color: #222 } /* ${'padding '.repeat(2000)} */`);
    writeFileSync(join(dir, 'b.css'), `p { margin: 1em 0 } /* ${'padding '.repeat(2000)} */`);
    writeFileSync(join(dir, 'c.js'), `/* ${'padding '.repeat(2000)} */`);
    // A block of text pushed down once the page has painted: a layout shift.
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>x</title>'
      + '<link rel="stylesheet" href="a.css"><link rel="stylesheet" href="b.css"><script src="c.js"></script></head>'
      + '<body><div id="top"></div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"><p>Text</p><p>'
      + 'A paragraph long enough to be seen moving. '.repeat(20) + '</p>'
      + '<script>setTimeout(() => { document.getElementById("top").style.height = "300px"; }, 300);</script></body></html>');
    const server = await serveDir(dir);
    const lighthouse = await startLighthouse('light');
    try {
      const result = await lighthouse.run(server.url);
      expect(result.scores.accessibility).toBeLessThan(100);
      expect(result.scores.seo).toBeLessThan(100);
      expect(result.failing).toEqual(expect.arrayContaining([expect.stringMatching(/^accessibility\/image-alt:/), expect.stringMatching(/^accessibility\/html-has-lang:/), expect.stringMatching(/^seo\/meta-description:/)]));
      expect(result.cls).toBeGreaterThan(0);
    } finally {
      await lighthouse.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
