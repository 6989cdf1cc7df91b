import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildOnce, type BuildResult } from './helpers/site.ts';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { serveDir } from './helpers/serve.ts';
import { allResults, settled } from './helpers/search-page.ts';
import { runScript } from '../tests/fixtures/run-script.ts';
import {
  LARGE_PNG, PNG, removeTempDirs, startPictureServer, tempDir, writeAtom, writeHugo, writeJekyll, writeRss, writeWxr, type PictureServer,
} from '../tests/fixtures/import-sources.ts';

/**
 * Each kind of old site imported with `npm run import` into one content
 * folder, checked with `npm run check` and built with the real build: the
 * pages, figures and old addresses a reader would meet, and the report.
 */

let server: PictureServer;
let build: BuildResult;
const sources = tempDir('sources');
const site = tempDir('site');
const content = join(site, 'content');
const publicDir = join(site, 'public');
const reports: Record<string, string> = {};
const runs: Record<string, { code: number; stdout: string; stderr: string }> = {};

async function importInto(kind: string, source: string, name: string, options: string[] = []) {
  const report = join(site, `${name}-report.md`);
  const run = await runScript('import', [kind, source, '--out', content, '--public', publicDir, '--report', report, ...options]);
  runs[name] = run;
  if (run.code !== 0) throw new Error(`npm run import -- ${kind} failed:\n${run.stdout}\n${run.stderr}`);
  reports[name] = readFileSync(report, 'utf8');
}

/** Every file under `dir` by its hash; none when the import wrote nothing there (public/ holds only pictures the pipeline cannot take). */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return [relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex')];
    })
    .sort(([a], [b]) => a!.localeCompare(b!)));
}

beforeAll(async () => {
  server = await startPictureServer();
  // WordPress's tags stay the articles' tags; Hugo's and Jekyll's become topics (the default).
  await importInto('wordpress', writeWxr(sources, server.base), 'wordpress', ['--tags', 'keep']);
  await importInto('feed', writeRss(sources), 'rss');
  await importInto('feed', writeAtom(sources), 'atom');
  await importInto('hugo', writeHugo(join(sources, 'hugo')), 'hugo');
  await importInto('jekyll', writeJekyll(join(sources, 'jekyll')), 'jekyll');
  // A picture without alt text is imported and listed for review, and the build refuses it until
  // someone says what it shows (docs/content-model.md): the author's one edit per picture after this import.
  expect(reports.hugo).toMatch(/content\/articles\/2018\/07\/second-look\/index\.md:\d+` \| a picture has no alt text \(photo\.png\), and the build refuses it until it has/);
  expect(reports.wordpress).toMatch(/content\/articles\/2018\/07\/gftwgw\/index\.md:\d+` \| a picture has no alt text \(map\.png\), and the build refuses it until it has/);
  for (const [file, unsaid, said] of [
    ['2018/07/second-look/index.md', '![](./photo.png)', '![The numbers, charted](./photo.png)'],
    ['2018/07/gftwgw/index.md', '![](./map.png "نقشهٔ وین")', '![نقشهٔ وین با محل گفت‌وگوها](./map.png "نقشهٔ وین")'],
  ] as const) {
    const described = join(content, 'articles', file);
    const unedited = readFileSync(described, 'utf8');
    writeFileSync(described, unedited.replace(unsaid, said));
    expect(readFileSync(described, 'utf8')).not.toBe(unedited);
  }
  build = await buildOnce({ name: 'import', contentDir: content });
});

afterAll(async () => {
  await server?.close();
  removeTempDirs();
});

const page = (path: string) => readFileSync(join(build.outDir, path, 'index.html'), 'utf8');

/**
 * The `<img>` with this alt text that Astro's image pipeline made (a WebP in /_astro/ with a `srcset`;
 * the fixtures' pictures are the same bytes, so the file is named after whichever came first), and its figure's caption:
 * the first such picture in the article's text, or its lead picture with `lead`.
 */
function pictureIn(html: string, alt: string, lead = false): { img: string; caption: string | undefined } | undefined {
  const figure = html.indexOf('<figure class="figure lead-picture">');
  const leadAt = figure < 0 ? -1 : html.indexOf('<img', figure);
  const img = [...html.matchAll(/<img\b[^>]*>/g)].filter((m) => (m.index === leadAt) === lead).map((m) => m[0]).find((tag) => tag.includes(` alt="${alt}"`));
  const src = img && /\ssrc="(\/_astro\/[^"]+\.webp)"/.exec(img)?.[1];
  if (!img || !src || !/\ssrcset="[^"]+"/.test(img) || !existsSync(join(build.outDir, src))) return undefined;
  const after = html.slice(html.indexOf(img) + img.length);
  return { img, caption: /^\s*<figcaption>(.*?)<\/figcaption>\s*<\/figure>/.exec(after)?.[1] };
}

describe('an imported archive builds', () => {
  it('passes npm run check with every file written, once the pictures the report lists are described', async () => {
    const run = await runScript('check', ['--content-only'], { CHRONICLE_CONTENT_DIR: content });
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });

  it('WordPress: the article, its figure with the caption and the attachment\'s alt text, links for embeds, the table and code', () => {
    const html = page('articles/2018/07/talks-hopes');
    expect(html).toContain('Talks &amp; hopes: Vienna round “resumes”');
    // The picture sits beside the article and goes through the image pipeline, as a figure with its caption.
    expect(pictureIn(html, 'Delegates at the table in Vienna')).toMatchObject({ caption: 'Delegates at the table, Thursday' });
    expect(html).toContain('<figure class="figure">');
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Video on YouTube</a>');
    expect(html).not.toContain('<iframe');
    expect(html).toMatch(/<th>Country<\/th>/);
    expect(html).toMatch(/<pre[^>]*data-language="python"|language-python/);
    // An unknown shortcode stays visible to the reader (and is in the report).
    expect(html).toContain('<p>[contact-form-7 id=“3” title=“Contact”]</p>');
    // ?p=2 and the old Russian permalink point at the new pages.
    expect(html).toContain('href="/articles/2018/07/gftwgw/"');
    expect(html).toContain('href="/articles/2018/07/peregovory/"');
    expect(readFileSync(join(content, 'articles/2018/07/talks-hopes/talks-640x480.jpg'))).toEqual(PNG);
    // The featured picture leads the article from beside it, through the image pipeline, with its caption and credit.
    expect(pictureIn(html, 'Delegates at the table in Vienna', true)).toMatchObject({ caption: 'Delegates in Vienna <span class="credit"><bdi>Zoë Photographer</bdi></span>' });
    expect(readFileSync(join(content, 'articles/2018/07/talks-hopes/talks.jpg'))).toEqual(LARGE_PNG);
  });

  it('WordPress tags kept as tags: listed on the article, each a search filter', () => {
    const html = page('articles/2018/07/talks-hopes');
    expect(html).toMatch(/<dt>Tags<\/dt>\s*<dd><ul><li><a href="\/search\/\?tag=Diplomacy"><bdi>Diplomacy<\/bdi><\/a><\/li><\/ul><\/dd>/);
    expect(html).toMatch(/<meta name="chronicle:tag" content="Diplomacy" data-pagefind-filter="tag\[content\]">/);
    const persian = page('articles/2018/07/gftwgw');
    expect(persian).toContain(`<dt>برچسب‌ها</dt>`);
    expect(persian).toContain(`?tag=${encodeURIComponent('نفت')}"><bdi>نفت</bdi></a>`);
  });

  it('in Chromium, a tag on the imported article leads to the search results it filters', async () => {
    const server = await serveDir(build.outDir);
    const browser = await launchBrowser();
    try {
      const { page, errors, foreignRequests } = await openPage(browser, server.origin);
      await page.goto(new URL('articles/2018/07/talks-hopes/', server.url).href);
      await page.locator('.entity-links').getByRole('link', { name: 'Diplomacy', exact: true }).click();
      await expect.poll(() => page.url()).toBe(new URL('search/?tag=Diplomacy', server.url).href);
      await settled(page);
      const results = await allResults(page);
      expect(results.map((r) => new URL(r.href, server.url).pathname)).toEqual(['/articles/2018/07/talks-hopes/']);
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('WordPress: Persian and Russian posts keep their language; drafts, private posts and pages are not published', () => {
    expect(page('articles/2018/07/gftwgw')).toMatch(/<html[^>]*lang="fa"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="fa"/);
    expect(pictureIn(page('articles/2018/07/gftwgw'), 'نقشهٔ وین با محل گفت‌وگوها')).toMatchObject({ caption: 'نقشهٔ وین' });
    expect(page('articles/2018/07/peregovory')).toMatch(/<html[^>]*lang="ru"/);
    expect(existsSync(join(build.outDir, 'articles/2018/07/draft-not-yet'))).toBe(false);
    expect(existsSync(join(build.outDir, 'articles/2018/07/private-notes'))).toBe(false);
    expect(existsSync(join(build.outDir, 'articles/2018/07/about'))).toBe(false);
    expect(page('articles/2018/07/talks-hopes-2')).toContain('A second story with the same slug.');
  });

  it('categories become nested topics with their descriptions', () => {
    expect(page('topics/iran')).toContain('Iran &amp; its neighbours.');
    expect(readFileSync(join(content, 'topics/iran.md'), 'utf8')).toContain('parent: middle-east');
    expect(readFileSync(join(content, 'topics/middle-east.md'), 'utf8')).toContain('parent: world');
    expect(page('topics/world')).toContain('News from everywhere.');
  });

  it('old addresses lead to the new pages, in _redirects and as forwarding pages', () => {
    const redirects = readFileSync(join(build.outDir, '_redirects'), 'utf8');
    for (const [alias, id] of [
      ['/2018/07/12/talks-hopes/', '2018/07/talks-hopes'],
      ['/2018/07/20/talks-hopes/', '2018/07/talks-hopes-2'],
      ['/news/ministers-meet-geneva.html', '2018/07/ministers-meet-in-geneva'],
      ['/2018/07/peregovory/', '2018/07/peregovory-prodolzhayutsya'],
      ['/2018/07/first-look/', '2018/07/first-look'],
      ['/old/second-look.html', '2018/07/second-look'],
      ['/news/2018/07/12/first-post/', '2018/07/first-post'],
    ] as const) {
      expect(redirects).toMatch(new RegExp(`^${alias.replace(/[.]/g, '\\.')} /articles/${id}/ 301`, 'm'));
      const direct = join(build.outDir, alias);
      const file = join(direct, 'index.html'); // directory format, also for an alias ending in .html
      expect(readFileSync(file, 'utf8'), alias).toContain(`/articles/${id}/`);
    }
    // Old addresses in Persian and Russian are percent-encoded in _redirects, as browsers send them,
    // and their forwarding pages are where a static server looks for them (the decoded path).
    expect(redirects).toContain('/2018/07/13/%DA%AF%D9%81%D8%AA%D9%88%DA%AF%D9%88/ /articles/2018/07/gftwgw/ 301');
    expect(page('2018/07/13/گفتوگو')).toContain('/articles/2018/07/gftwgw/');
    expect(page('2018/07/14/переговоры')).toContain('/articles/2018/07/peregovory/');
  });

  it('feeds, Hugo and Jekyll: bodies, figures, shortcodes and code blocks', () => {
    expect(page('articles/2018/07/ministers-meet-in-geneva')).toContain('<em>six hours</em>');
    expect(page('articles/2018/07/peregovory-prodolzhayutsya')).toContain('Итогов пока нет.');
    const hugo = page('articles/2018/07/first-look');
    expect(pictureIn(hugo, 'The same chart')).toMatchObject({ caption: 'Spending by ministry' });
    expect(pictureIn(hugo, 'A bar chart of spending')).toMatchObject({ caption: undefined });
    expect(hugo).toContain('{{&lt; notice warning &gt;}}');
    expect(hugo).toContain('// {{&lt; not-a-shortcode &gt;}} stays inside code');
    expect(page('articles/2018/07/second-look')).toContain('href="/articles/2018/07/first-look/"');
    expect(pictureIn(hugo, 'The budget papers on a desk', true)).toMatchObject({ caption: 'The budget, published on Thursday' });
    const jekyll = page('articles/2018/07/first-post');
    expect(pictureIn(jekyll, 'The office at dawn', true)).toMatchObject({ caption: undefined });
    expect(jekyll).toContain('href="/articles/2018/07/second-post/"');
    expect(pictureIn(jekyll, 'Office photo')).toBeDefined();
    expect(existsSync(join(build.outDir, 'articles/2018/07/ideas'))).toBe(false);
  });

  it('the report lists what needs a person, with file and line', () => {
    expect(reports.wordpress).toContain('| `content/articles/2018/07/gftwgw/index.md:15` | a picture has no alt text (map.png), and the build refuses it until it has: say what it shows in');
    expect(reports.wordpress).toMatch(/\| `content\/articles\/2018\/07\/peregovory\/index\.md:\d+` \| the picture http:\/\/127\.0\.0\.1:\d+\/missing\/photo\.jpg could not be fetched \(the server answered 404/);
    expect(reports.wordpress).toMatch(/\| `content\/articles\/2018\/07\/talks-hopes\/index\.md:\d+` \| \[contact-form-7\] is not known/);
    expect(reports.wordpress).toContain('| About us | a page (publish), not an article |');
    expect(reports.wordpress).toContain('/ p=2 /articles/2018/07/gftwgw/ 301');
    expect(reports.hugo).toMatch(/`content\/articles\/2018\/07\/first-look\/index\.md:\d+` \| the Hugo shortcode "notice"/);
    expect(reports.jekyll).toMatch(/`content\/articles\/2018\/07\/first-post\/index\.md:\d+` \| the Liquid tag "include"/);
    expect(runs.wordpress!.stdout).toMatch(/articles\s+6\n/);
  });

  it('running an import again changes no byte', async () => {
    const before = { content: snapshot(content), public: snapshot(publicDir) };
    await importInto('wordpress', join(sources, 'export.xml'), 'wordpress-again', ['--tags', 'keep']);
    await importInto('hugo', join(sources, 'hugo'), 'hugo-again');
    expect({ content: snapshot(content), public: snapshot(publicDir) }).toEqual(before);
    expect(runs['wordpress-again']!.stdout).toMatch(/files written\s+0\n/);
  });
});
