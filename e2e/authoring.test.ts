import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';
import { buildOnce, ROOT } from './helpers/site.ts';
import { runScript } from '../tests/fixtures/run-script.ts';
import { shortcutModuleSrc } from './helpers/page-weight.ts';
import { GUIDE_PAGES } from '../src/lib/routes/guide-pages.ts';
import { fieldRows } from '../src/lib/authoring/field-docs.ts';
import { collectionJsonSchema } from '../src/lib/authoring/json-schema.ts';
import { COMPONENT_NAMES } from '../src/lib/content/components.ts';
import { COLLECTION_NAMES } from '../src/schemas/index.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('from npm run new to a published site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-authoring-'));
  const env = { CHRONICLE_CONTENT_DIR: dir };
  const created: Record<string, string> = {};
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const commands: [string, string[]][] = [
      ['topic', ['topic', 'Iran nuclear deal', '--id', 'jcpoa']],
      ['subtopic', ['topic', 'Sanctions relief', '--parent', 'jcpoa']],
      ['person', ['person', 'Ali Akbar Velayati']],
      ['organization', ['organization', 'International Atomic Energy Agency']],
      ['event', ['event', 'US withdraws from the JCPOA', '--date', '2018-05-08', '--topic', 'jcpoa']],
      ['published', ['article', 'Talks to save the deal resume in Vienna', '--topic', 'jcpoa', '--date', '2018-07-12']],
      ['draft', ['article', 'Unfinished analysis of the talks', '--topic', 'sanctions-relief', '--date', '2018-07-13', '--md']],
    ];
    for (const [key, args] of commands) {
      const run = await runScript('new', args, env);
      if (run.code !== 0) throw new Error(`npm run new -- ${args.join(' ')} failed:\n${run.stderr}`);
      created[key] = run.stdout.trim();
    }
    // Publishing, as the guide says: delete the `draft: true` line.
    const published = readFileSync(created.published!, 'utf8');
    writeFileSync(created.published!, published.replace(/^draft: true\n/m, ''));
  });

  it('every scaffolded file passes npm run check', async () => {
    const run = await runScript('check', ['--content-only'], env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Content: 7 files');
  });

  it('builds: a page for each new topic, person, organization, event and the published article; none for the draft', async () => {
    const { outDir } = await buildOnce({ name: 'authoring', contentDir: dir });
    const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
    expect(page('topics/jcpoa')).toContain('Iran nuclear deal');
    expect(page('topics/sanctions-relief')).toContain('Sanctions relief');
    expect(page('people/ali-akbar-velayati')).toContain('Ali Akbar Velayati');
    expect(page('organizations/international-atomic-energy-agency')).toContain('International Atomic Energy Agency');
    expect(page('events/us-withdraws-from-the-jcpoa')).toContain('US withdraws from the JCPOA');

    const article = page('articles/2018/07/talks-to-save-the-deal-resume-in-vienna');
    expect(article).toMatch(/<h1[^>]*>Talks to save the deal resume in Vienna<\/h1>/);
    expect(article).not.toContain('draft-banner');
    expect(page('')).toContain('Talks to save the deal resume in Vienna');

    expect(existsSync(join(outDir, 'articles/2018/07/unfinished-analysis-of-the-talks'))).toBe(false);
    expect(page('')).not.toContain('Unfinished analysis of the talks');
    // The templates' hints are YAML comments: nothing of them reaches a page.
    expect(page('people/ali-akbar-velayati')).not.toMatch(/Optional|Below the closing line/);
    expect(page('topics/jcpoa')).not.toMatch(/Optional|Below the closing line/);
  });
});

describe('the authoring guide at /guide/', () => {
  const dist = () => inject('seedDist');
  const html = (path: string) => readFileSync(join(dist(), path, 'index.html'), 'utf8');

  it('has every page, each with its title, the whole guide in its sidebar, no JavaScript but the shortcut module, no inline styles', () => {
    const shortcut = `<script type="module" src="${shortcutModuleSrc(dist())}"></script>`;
    for (const page of GUIDE_PAGES) {
      const text = html(page.path);
      expect(text, page.path).toMatch(new RegExp(`<h1[^>]*>${page.title}</h1>`));
      for (const other of GUIDE_PAGES) expect(text, `${page.path} links ${other.path}`).toContain(`href="${other.path}"`);
      expect(text, page.path).toContain(shortcut);
      expect(text.replace(shortcut, ''), page.path).not.toMatch(/<script\b(?![^>]*type="application\/ld\+json")/i); // structured data is not a script that runs
      expect(text, page.path).not.toMatch(/\sstyle=/i);
    }
    expect(html('/')).toContain('href="/guide/"');
  });

  it('every link on every guide page leads to a page of the site (or outside it)', () => {
    for (const page of GUIDE_PAGES) {
      const base = new URL(page.path, 'http://site.test');
      for (const [, link] of html(page.path).matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
        const target = new URL(link!.replaceAll('&amp;', '&'), base);
        if (target.origin !== base.origin) continue;
        const file = target.pathname.endsWith('/') ? join(dist(), target.pathname, 'index.html') : join(dist(), target.pathname);
        expect(existsSync(file), `${page.path} links to ${link}`).toBe(true);
        if (target.hash && target.pathname.startsWith('/guide/')) {
          expect(readFileSync(file, 'utf8'), `${page.path} links to ${link}`).toContain(`id="${decodeURIComponent(target.hash.slice(1))}"`);
        }
      }
    }
  });

  it('lists every field of every collection, in the order of the schemas, as the build checks them', () => {
    const text = html('/guide/fields/');
    for (const name of COLLECTION_NAMES) {
      const block = new RegExp(`<dl class="fields"[^>]*data-collection="${name}"[^>]*>([\\s\\S]*?)</dl>`).exec(text)?.[1];
      expect(block, name).toBeDefined();
      const listed = [...block!.matchAll(/data-field="([^"]+)"[^>]*>\s*<dt[^>]*>\s*<code[^>]*>[^<]*<\/code>\s*<span class="badge (required|optional)/g)]
        .map((m) => `${m[1]} ${m[2]}`);
      const expected = fieldRows(collectionJsonSchema(name)).map((row) => `${row.path} ${row.required ? 'required' : 'optional'}`);
      expect(listed, name).toEqual(expected);
    }
  });

  it('documents the components the build accepts', () => {
    const text = html('/guide/components/');
    const listed = [...text.matchAll(/data-component="([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(COMPONENT_NAMES);
    expect(text).toContain('&lt;Quote by=&quot;ali-akbar-velayati&quot; role=');
    expect(text).toContain('&lt;Timeline topic=&quot;jcpoa&quot; from=&quot;2015&quot; to=&quot;2018&quot; /&gt;');
  });

  it('the schemas the Astro editor extension reads are the committed ones', () => {
    // The seed build (global setup) ran in the repository, which makes Astro write .astro/collections/.
    for (const name of COLLECTION_NAMES) {
      const astro = JSON.parse(readFileSync(join(ROOT, '.astro/collections', `${name}.schema.json`), 'utf8'));
      const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(astro, name).toEqual(committed);
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, '.astro/collections/collections.json'), 'utf8'));
    expect(manifest.collections).toEqual(expect.arrayContaining(COLLECTION_NAMES.map((name) => ({ name, hasSchema: true }))));
  });

  it('passes axe at phone and desktop widths, in light and dark', async () => {
    const url = inject('seedUrl');
    for (const path of ['guide/', 'guide/fields/', 'guide/components/', 'guide/checking/', 'guide/import/']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [390, 1280]) {
          const { page, foreignRequests, errors } = await openPage(browser, new URL(url).origin, { colorScheme, width });
          await page.goto(new URL(path, url).href);
          expect(await axeViolations(page), `${path} ${colorScheme} ${width}`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
          expect(foreignRequests).toEqual([]);
          expect(errors).toEqual([]);
          await page.context().close();
        }
      }
    }
  });
});
