import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, makeContentTree, removeContentTrees, reported } from '../fixtures/content-tree.ts';
import { startPictureHost, type PictureHost } from '../fixtures/remote-pictures.ts';
import { runScript } from '../fixtures/run-script.ts';
import { checkContentTree, downloadPictures } from '../../src/lib/content/check.ts';
import { formatReport } from '../../src/lib/content/errors.ts';
import { cachedPicture, fetchRemotePictures, hostAllowed, pictureHosts } from '../../src/lib/content/remote-pictures.ts';
import { figuresPlugin } from '../../src/lib/markdown/figures.ts';
import { markdownToHtml } from 'satteri';
import { pathToFileURL } from 'node:url';

let server: PictureHost;
const caches: string[] = [];
const newCache = () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-remote-cache-'));
  caches.push(dir);
  return join(dir, 'remote-pictures');
};
beforeAll(async () => (server = await startPictureHost()));
afterAll(async () => {
  await server.close();
  removeContentTrees();
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

const FILE = 'content/articles/2018/07/visit/index.md';
/** An article in its own folder; its body starts on file line 8. */
const tree = (body: string, extra = '') => makeContentTree({ 'articles/2018/07/visit/index.md': article(extra, `\n${body}\n`) });
const check = (root: string, hosts: string) => checkContentTree(root, { CHRONICLE_PICTURE_HOSTS: hosts });

describe('the trusted hosts (CHRONICLE_PICTURE_HOSTS)', () => {
  it('lists host names, or host and port, separated by commas or spaces; only http(s) addresses on them are taken', () => {
    const hosts = pictureHosts({ CHRONICLE_PICTURE_HOSTS: ' Images.Example.org, cdn.example.com 127.0.0.1:8080' });
    expect(hosts).toEqual(['images.example.org', 'cdn.example.com', '127.0.0.1:8080']);
    expect(hostAllowed('https://images.example.org/2018/a.jpg', hosts)).toBe(true);
    expect(hostAllowed('https://IMAGES.example.org/a.jpg', hosts)).toBe(true);
    expect(hostAllowed('http://127.0.0.1:8080/a.jpg', hosts)).toBe(true);
    expect(hostAllowed('http://127.0.0.1:9090/a.jpg', hosts)).toBe(false);
    expect(hostAllowed('https://evil.example.org/a.jpg', hosts)).toBe(false);
    expect(hostAllowed('https://images.example.org.evil.test/a.jpg', hosts)).toBe(false);
    expect(hostAllowed('ftp://images.example.org/a.jpg', hosts)).toBe(false);
    expect(pictureHosts({})).toEqual([]);
    expect(pictureHosts({ CHRONICLE_PICTURE_HOSTS: 'https://images.example.org/photos/,' })).toEqual(['images.example.org']);
  });
});

describe('pictures on other sites in articles', () => {
  it('a host not listed is refused: file, line, field, the URL, and the setting that would allow it', () => {
    const { root } = tree(`Text.\n\n![The talks](${server.base}/photos/talks.jpg)`);
    const report = formatReport(check(root, 'images.example.org').errors);
    expect(report).toMatch(reported(FILE, { line: 10, field: 'body', has: [`"${server.base}/photos/talks.jpg" would be loaded from another site`, `add ${server.host} to the CHRONICLE_PICTURE_HOSTS build setting`] }));
  });

  it('a reference-style picture on a listed host: file, line, body, and to write it inline so the site serves its copy', () => {
    const { root } = tree(`![The talks][talks]\n\n[talks]: ${server.base}/photos/talks.jpg`);
    const report = formatReport(check(root, server.host).errors);
    expect(report).toMatch(reported(FILE, { line: 8, field: 'body', has: [`"${server.base}/photos/talks.jpg" is written as a reference`, `![The talks](${server.base}/photos/talks.jpg)`] }));
  });

  it('in MDX, <Figure src> on a host not listed, and a lead picture (image.src) too', () => {
    const { root } = makeContentTree({
      'articles/2018/07/visit/index.mdx': article(`image:\n  src: https://cdn.example.com/lead.jpg\n  alt: A crowd`, '\n<Figure src="https://cdn.example.com/a.jpg" alt="A" />\n'),
    });
    const report = formatReport(check(root, '').errors);
    const MDX = 'content/articles/2018/07/visit/index.mdx';
    expect(report).toMatch(reported(MDX, { line: 7, field: 'image.src', has: ['"https://cdn.example.com/lead.jpg" would be loaded from another site', 'add cdn.example.com to the CHRONICLE_PICTURE_HOSTS'] }));
    expect(report).toMatch(reported(MDX, { line: 11, field: 'body', has: ['"https://cdn.example.com/a.jpg"', 'CHRONICLE_PICTURE_HOSTS'] }));
  });

  it('on a listed host: no problem, and each place naming it is kept for the download with its line and field', () => {
    const { root } = makeContentTree({
      'articles/2018/07/visit/index.mdx': article(`image:\n  src: ${server.base}/photos/lead.jpg\n  alt: A crowd`, `\n![The talks](${server.base}/photos/talks.jpg)\n\n<Figure src="${server.base}/photos/fig.jpg" alt="A" />\n`),
    });
    const result = check(root, server.host);
    expect(result.errors).toEqual([]);
    const MDX = 'content/articles/2018/07/visit/index.mdx';
    expect(result.remotePictures.map((p) => ({ ...p, file: p.file.replace(/^.*(?=content\/)/, '') }))).toEqual([
      { file: MDX, line: 7, field: 'image.src', url: `${server.base}/photos/lead.jpg` },
      { file: MDX, line: 11, field: 'body', url: `${server.base}/photos/talks.jpg` },
      { file: MDX, line: 13, field: 'body', url: `${server.base}/photos/fig.jpg` },
    ]);
  });
});

describe('the download and its cache', () => {
  it('downloads each URL once into the cache, named by the URL; a second run asks the server for nothing', async () => {
    const cache = newCache();
    const url = `${server.base}/photos/talks.jpg`;
    const places = [{ file: 'a.md', line: 3, field: 'body', url }, { file: 'b.md', line: 9, field: 'body', url }];
    const before = server.requests.length;
    expect(await fetchRemotePictures(places, cache)).toEqual([]);
    expect(server.requests.slice(before)).toEqual(['/photos/talks.jpg']);
    expect(cachedPicture(cache, url)).toMatch(/talks-[0-9a-f]{16}\.jpg$/);
    expect(cachedPicture(cache, `${server.base}/photos/other.jpg`)).toBeUndefined();
    expect(await fetchRemotePictures(places, cache)).toEqual([]);
    expect(server.requests.length).toBe(before + 1);
  });

  it('a download that fails (404, not a picture, no answer) names the file, line, field and URL, and leaves nothing in the cache', async () => {
    const cache = newCache();
    const missing = `${server.base}/gone.jpg`;
    const page = `${server.base}/page/a.jpg`;
    const slow = `${server.base}/slow/a.jpg`;
    const errors = await fetchRemotePictures([
      { file: 'content/articles/a.md', line: 12, field: 'body', url: missing },
      { file: 'content/articles/b.md', line: 4, field: 'image.src', url: page },
      { file: 'content/articles/c.md', line: 8, field: 'body', url: slow },
    ], cache, { timeoutMs: 300 });
    const report = formatReport(errors);
    expect(report).toMatch(reported('content/articles/a.md', { line: 12, field: 'body', has: [`"${missing}" could not be downloaded`, '404 Not Found'] }));
    expect(report).toMatch(reported('content/articles/b.md', { line: 4, field: 'image.src', has: [`"${page}" could not be downloaded`, 'not a JPEG, PNG, WebP, AVIF or GIF picture'] }));
    expect(report).toMatch(reported('content/articles/c.md', { line: 8, field: 'body', has: [`"${slow}" could not be downloaded`, 'no answer within 0.3 s'] }));
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });

  it('a lead picture, once downloaded, must be as large as a share card: file, line, image.src, its size and the size needed', async () => {
    const small = `${server.base}/photos/small-lead.jpg`;
    const { root } = tree('Text.', `image:\n  src: ${small}\n  alt: The envoy arrives`);
    const checked = check(root, server.host);
    expect(checked.errors).toEqual([]);
    const report = formatReport(await downloadPictures(checked.remotePictures, newCache()));
    expect(report).toMatch(reported(FILE, { line: 7, field: 'image.src', has: [`"${small}" is 64×48 pixels, too small for a share card`, 'at least 1200×630'] }));
  });

  it('npm run check downloads as the build does, and reports a failed download with file, line and URL', async () => {
    const { contentDir } = tree(`Text.\n\n![The talks](${server.base}/gone/talks.jpg)\n\n![The hall](${server.base}/photos/hall.jpg)`);
    const cacheDir = newCache().replace(/remote-pictures$/, '');
    const run = await runScript('check', ['--content-only'], { CHRONICLE_CONTENT_DIR: contentDir, CHRONICLE_CACHE_DIR: cacheDir, CHRONICLE_PICTURE_HOSTS: server.host });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Chronicle found 1 content problem in 1 file/);
    expect(run.stderr).toMatch(reported(run.stderr.split('\n').find((l) => l.endsWith('index.md'))!, { line: 10, field: 'body', has: [`"${server.base}/gone/talks.jpg" could not be downloaded: the server answered 404`] }));
    expect(cachedPicture(join(cacheDir, 'remote-pictures'), `${server.base}/photos/hall.jpg`)).toBeDefined();
  });
});

describe('the Markdown plugin', () => {
  it('points a downloaded picture at its cached copy, relative to the article, so Astro optimises it; any other address is left as written', async () => {
    const cache = newCache();
    const url = `${server.base}/photos/arrival.jpg`;
    expect(await fetchRemotePictures([{ file: 'a.md', field: 'body', url }], cache)).toEqual([]);
    const article = join(cache, '..', 'content', 'articles', '2018', 'a.md');
    const render = async (src: string) => (await markdownToHtml(`![The plane](${src} "At the airport")\n`, {
      mdastPlugins: [figuresPlugin({ pictureCache: cache })], fileURL: pathToFileURL(article),
    } as Parameters<typeof markdownToHtml>[1])).html;
    const html = await render(url);
    expect(html).toMatch(/<figure class="figure"><img src="\.\.\/\.\.\/\.\.\/remote-pictures\/arrival-[0-9a-f]{16}\.jpg" alt="The plane" sizes="[^"]+"><figcaption>At the airport<\/figcaption><\/figure>/);
    expect(await render(`${server.base}/photos/never-fetched.jpg`)).toContain(`src="${server.base}/photos/never-fetched.jpg"`);
  });
});
