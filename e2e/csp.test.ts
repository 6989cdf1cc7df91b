import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Parser } from 'htmlparser2';
import { buildOnce } from './helpers/site.ts';
import { readHeadersFile, serveDir, type StaticServer } from './helpers/serve.ts';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { settled } from './helpers/search-page.ts';
import { filesIn, servedPath } from './helpers/crawl.ts';
import { writeLanguagesFixture } from './helpers/languages-fixture.ts';
import { missingTemplates, templatePages } from './helpers/templates.ts';
import { headerPolicy, metaPolicy, POLICY } from '../src/lib/site/csp.ts';

/**
 * The Content-Security-Policy (src/lib/site/csp.ts) and privacy: every page
 * carries the policy before anything it governs, nothing in any page needs
 * 'unsafe-inline' (the fonts' inline styles are allowed by their hashes, the
 * same on every page), `_headers` sends the same policy to hosts that read it,
 * and Chromium, served the site the way such a host would (header and meta),
 * meets no violation and no request to another origin on any template —
 * searching included, which starts Pagefind's worker and WebAssembly.
 */

const fixture = writeLanguagesFixture();
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'languages', contentDir: fixture });
const pages = templatePages(build.outDir, 'velayati');

interface PageScan {
  /** Tags in <head> before the policy <meta>, other than <meta charset>. */
  beforePolicy: string[];
  policies: string[];
  /** Everything a strict policy would refuse or a reader's browser would run from the page itself. */
  inline: string[];
  /** The text of each <style> element: allowed only by its hash in the page's policy. */
  styles: string[];
}

const styleHash = (css: string): string => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

function scan(html: string): PageScan {
  const result: PageScan = { beforePolicy: [], policies: [], inline: [], styles: [] };
  let inHead = false;
  let scriptType: string | undefined;
  let style: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'head') inHead = true;
      else if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-security-policy') result.policies.push(attributes.content ?? '');
      else if (inHead && result.policies.length === 0 && !(name === 'meta' && 'charset' in attributes)) result.beforePolicy.push(name);
      if (name === 'style') style = '';
      if (name === 'script') {
        scriptType = attributes.type ?? '';
        if (!attributes.src && scriptType !== 'application/ld+json') result.inline.push(`<script type="${scriptType}">`);
      }
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute === 'style') result.inline.push(`<${name} style="${value}">`);
        if (attribute.startsWith('on')) result.inline.push(`<${name} ${attribute}>`);
        if (/^\s*javascript:/i.test(value)) result.inline.push(`<${name} ${attribute}="${value}">`);
      }
    },
    ontext(text) {
      if (style !== undefined) style += text;
    },
    onclosetag(name) {
      if (name === 'head') inHead = false;
      if (name === 'style' && style !== undefined) {
        result.styles.push(style);
        const allowed = /(?:^|; )style-src ([^;]*)/.exec(result.policies[0] ?? '')?.[1]?.split(' ') ?? [];
        if (!allowed.includes(styleHash(style))) result.inline.push(`<style> ${styleHash(style)}`);
        style = undefined;
      }
      if (name === 'script') scriptType = undefined;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return result;
}

describe('the policy', () => {
  it('runs no inline script and no eval, and lets Pagefind compile WebAssembly in its own worker', () => {
    expect(POLICY['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(POLICY['worker-src']).toEqual(["'self'"]);
    expect(POLICY['style-src']).toEqual(["'self'"]);
    for (const sources of Object.values(POLICY)) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      // Nothing may come from another origin: every source is a keyword or data:.
      for (const source of sources) expect(source).toMatch(/^'[a-z-]+'$|^data:$/);
    }
    expect(POLICY['object-src']).toEqual(["'none'"]);
    expect(POLICY['base-uri']).toEqual(["'none'"]);
  });

  it.each([['the repository archive', () => inject('seedDist')], ['the languages fixture', () => build.outDir]])(
    'is the first thing in every page of %s, which has nothing inline that it would refuse', (_name, dist) => {
      const problems: string[] = [];
      const paths: string[] = [];
      // One policy for the whole site: its hashes are those of the home page's inline styles (the fonts').
      const home = scan(readFileSync(join(dist(), 'index.html'), 'utf8'));
      expect(home.styles.length, 'the fonts are inline styles').toBeGreaterThan(0);
      const sitePolicy = metaPolicy([...new Set(home.styles.map(styleHash))]);
      expect(sitePolicy).not.toMatch(/'unsafe-/);
      for (const file of filesIn(dist()).filter((f) => f.endsWith('.html'))) {
        const path = servedPath(dist(), file, '/');
        paths.push(path);
        const { policies, beforePolicy, inline } = scan(readFileSync(file, 'utf8'));
        if (policies.length !== 1 || policies[0] !== sitePolicy) problems.push(`${path}: policies ${JSON.stringify(policies)}`);
        if (beforePolicy.length) problems.push(`${path}: <${beforePolicy.join('>, <')}> before the policy`);
        for (const item of inline) problems.push(`${path}: ${item}`);
      }
      // Every template was looked at, not a few pages.
      for (const folder of ['/articles/', '/topics/', '/people/', '/timeline/', '/archive/', '/search/', '/guide/']) {
        expect(paths.some((path) => path.startsWith(folder) && path !== folder), folder).toBe(true);
      }
      expect(problems).toEqual([]);
    },
  );

  it('the page scan notices what it looks for (it can fail)', () => {
    const allowed = styleHash('a{}');
    const found = scan(`<html><head><meta charset="utf-8"><title>x</title><meta http-equiv="Content-Security-Policy" content="style-src 'self' ${allowed}"><style>a{}</style></head>`
      + '<body><style>p{}</style><p style="color:red" onclick="x()"><a href=" javascript:void(0)">a</a></p><script>x()</script>'
      + '<script type="application/ld+json">{}</script><script type="module" src="/x.js"></script></body></html>');
    expect(found).toEqual({
      beforePolicy: ['title'],
      policies: [`style-src 'self' ${allowed}`],
      inline: [`<style> ${styleHash('p{}')}`, '<p style="color:red">', '<p onclick>', '<a href=" javascript:void(0)">', '<script type="">'],
      styles: ['a{}', 'p{}'],
    });
  });

  it('_headers sends the same policy, with frame-ancestors, to every address', () => {
    const rules = readHeadersFile(readFileSync(join(build.outDir, '_headers'), 'utf8'));
    expect(rules.map((rule) => rule.pattern.source)).toEqual(['^\\/.*$']);
    const headers = new Map(rules[0]!.headers);
    const hashes = [...new Set(scan(readFileSync(join(build.outDir, 'index.html'), 'utf8')).styles.map(styleHash))];
    expect(headers.get('Content-Security-Policy')).toBe(headerPolicy(hashes));
    expect(headerPolicy(hashes)).toBe(`${metaPolicy(hashes)}; frame-ancestors 'none'`);
    expect(headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('_headers follows the base path of a sub-path deployment', async () => {
    const { headersFile } = await import('../src/lib/site/csp.ts');
    expect(headersFile('/chronicle/', [])).toMatch(/^\/chronicle\/\*$/m);
  });
});

describe('Chromium on every template, served with the _headers policy too', () => {
  let server: StaticServer;
  let browser: Browser;
  const sentPolicy = new Map(readHeadersFile(readFileSync(join(build.outDir, '_headers'), 'utf8'))[0]!.headers).get('Content-Security-Policy');
  beforeAll(async () => {
    server = await serveDir(build.outDir, '/', { headers: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds every template', () => expect(missingTemplates(pages)).toEqual([]));

  // One test per colour scheme: each visits every template, which takes minutes on a loaded machine.
  it.each(['light', 'dark'] as const)('meets no policy violation and asks no other origin for anything, searching included (%s)', async (colorScheme) => {
    const report: string[] = [];
    for (const template of pages) {
      const { page, cspViolations, foreignRequests } = await openPage(browser, server.origin, { colorScheme });
      const response = await page.goto(new URL(template.search ? template.path.split('?')[0]! : template.path, server.url).href);
      expect(response?.headers()['content-security-policy']).toBe(sentPolicy);
      if (template.search) {
        // Typed, as a reader would: this loads Pagefind, its worker and its WebAssembly.
        await page.locator('#search-q').fill('velayati');
        await settled(page);
        expect(await page.locator('[data-results] > li').count(), 'search found nothing').toBeGreaterThan(0);
        expect(page.workers().length, 'Pagefind searched in a worker').toBeGreaterThan(0);
      }
      await page.waitForLoadState('networkidle');
      for (const v of cspViolations) report.push(`${template.template} (${colorScheme}): CSP ${v}`);
      for (const r of foreignRequests) report.push(`${template.template} (${colorScheme}): request to ${r}`);
      await page.context().close();
    }
    expect(report).toEqual([]);
  });

  it('would notice a violation and a request to another origin (the checks can fail)', async () => {
    const { page, cspViolations } = await openPage(browser, server.origin);
    await page.goto(server.url);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
      document.body.append(Object.assign(document.createElement('img'), { src: 'http://127.0.0.2:9/pixel.gif', alt: '' }));
    });
    await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(2);
    expect(cspViolations.join('\n')).toMatch(/style-src/);
    expect(cspViolations.join('\n')).toMatch(/img-src/);
    await page.context().close();

    // Without the policy the picture is requested, and the privacy check sees it.
    const open = await openPage(browser, server.origin, { bypassCSP: true });
    await open.page.goto(server.url);
    await open.page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'http://127.0.0.2:9/pixel.gif', alt: '' })));
    await expect.poll(() => open.foreignRequests).toEqual(['http://127.0.0.2:9/pixel.gif']);
    await open.page.context().close();
  });
});
