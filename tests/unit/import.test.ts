import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from '../fixtures/run-script.ts';
import { importOptions, removeTempDirs, startPictureServer, tempDir, writeAtom, writeHugo, writeJekyll, writeRss, writeWxr, wxr, type PictureServer } from '../fixtures/import-sources.ts';
import { runImport } from '../../src/lib/import/run.ts';

/**
 * The import's promises about files: bad input writes nothing, a re-run
 * never overwrites an author's edit (unless --force), ids stay stable and
 * collisions are resolved the same way, and nothing outside --out (and the
 * pictures folder) is touched.
 */

let server: PictureServer;
beforeAll(async () => { server = await startPictureServer(); });
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []);

const options = importOptions;

describe('bad input gets a clear error and writes nothing', () => {
  const cases: [string, string, (dir: string) => string, RegExp][] = [
    ['a file that is not a WordPress export', 'wordpress', (dir) => writeRss(dir), /feed\.xml: not a WordPress export \(WXR\) file: it has no <wp:wxr_version>/],
    ['a truncated export', 'wordpress', (dir) => {
      writeFileSync(join(dir, 'cut.xml'), wxr(server.base).slice(0, 3000));
      return join(dir, 'cut.xml');
    }, /cut\.xml:\d+: not well-formed XML .*is the file complete\?/],
    ['an export with no posts', 'wordpress', (dir) => {
      writeFileSync(join(dir, 'empty.xml'), wxr(server.base).replace(/<item>[^]*<\/item>/, ''));
      return join(dir, 'empty.xml');
    }, /empty\.xml: the export has no posts/],
    ['a feed with no items', 'feed', (dir) => {
      writeFileSync(join(dir, 'none.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>');
      return join(dir, 'none.xml');
    }, /none\.xml: the feed has no items; nothing to import/],
    ['a Hugo folder with no posts', 'hugo', (dir) => {
      mkdirSync(join(dir, 'site/content'), { recursive: true });
      writeFileSync(join(dir, 'site/content/about.md'), '---\ntitle: About\n---\n');
      return join(dir, 'site');
    }, /no posts found: expected Markdown files with a date in a section of content\//],
    ['a Jekyll post with broken frontmatter', 'jekyll', (dir) => {
      writeJekyll(join(dir, 'j'));
      writeFileSync(join(dir, 'j/_posts/2018-07-14-broken.md'), '---\ntitle: [unclosed\n---\nText\n');
      return join(dir, 'j');
    }, /_posts\/2018-07-14-broken\.md:\d+: the YAML frontmatter cannot be read/],
    ['a file that does not exist', 'feed', (dir) => join(dir, 'missing.xml'), /missing\.xml: no such file/],
  ];
  it.each(cases)('%s', async (_name, kind, make, message) => {
    const dir = tempDir('bad');
    const source = make(dir);
    const out = join(dir, 'out');
    const run = await runScript('import', [kind, source, '--out', join(out, 'content'), '--public', join(out, 'public'), '--report', join(out, 'report.md')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Nothing was written.');
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown kind or a missing source shows the usage', async () => {
    const run = await runScript('import', ['drupal', 'x.xml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown kind "drupal"');
    expect(run.stderr).toContain('Usage: npm run import -- <wordpress|feed|hugo|jekyll>');
  });
});

describe('running again', () => {
  it('keeps a file edited since the last import, replaces it with --force, and writes nothing outside --out and the pictures folder', async () => {
    const site = tempDir('rerun');
    const source = writeWxr(tempDir('wxr'), server.base);
    const first = await runImport(options(site, source));
    expect(first.write.written.length).toBeGreaterThan(0);
    expect(list(site).filter((p) => !p.startsWith('content') && !p.startsWith('public'))).toEqual([]);
    // Pictures sit beside their article, in its own folder: those in the text and the featured one.
    const pictures = (dir: string) => list(dir).filter((p) => p.endsWith('.jpg') || p.endsWith('.png'));
    expect(pictures(join(site, 'content'))).toEqual(['articles/2018/07/gftwgw/map.png', 'articles/2018/07/talks-hopes/talks-640x480.jpg', 'articles/2018/07/talks-hopes/talks.jpg']);
    expect(pictures(join(site, 'public'))).toEqual([]);
    expect(readFileSync(join(site, 'content/articles/2018/07/talks-hopes/index.md'), 'utf8'))
      .toContain('\n![Delegates at the table in Vienna](./talks-640x480.jpg "Delegates at the table, Thursday")\n');

    const edited = join(site, 'content/articles/2018/07/talks-hopes/index.md');
    const mine = readFileSync(edited, 'utf8').replace('Delegates met again', 'Delegates (edited by hand) met again');
    writeFileSync(edited, mine);
    const second = await runImport(options(site, source));
    expect(readFileSync(edited, 'utf8')).toBe(mine);
    expect(second.write.written).toEqual([]);
    expect(second.notes).toContainEqual(expect.objectContaining({ kind: 'edited', file: 'content/articles/2018/07/talks-hopes/index.md' }));

    const forced = await runImport(options(site, source, { force: true }));
    expect(forced.write.written.map((f) => f.path)).toEqual(['articles/2018/07/talks-hopes/index.md']);
    expect(readFileSync(edited, 'utf8')).not.toContain('edited by hand');
  });

  it('an article that gains a picture moves into a folder of its own, and the file the import wrote before is removed', async () => {
    const site = tempDir('move');
    const post = (content: string) => writeWxr(tempDir('wxr'), server.base, [{
      id: 31, title: 'Moving post', name: 'moving-post', link: `${server.base}/2018/07/22/moving-post/`, date: '2018-07-22 09:30:00', gmt: '2018-07-22 05:00:00',
      terms: '<category domain="category" nicename="iran"><![CDATA[Iran]]></category>', content,
    }]);
    await runImport(options(site, post('<p>No picture yet.</p>')));
    expect(existsSync(join(site, 'content/articles/2018/07/moving-post.md'))).toBe(true);
    const moved = await runImport(options(site, post(`<p>Now a picture.</p><p><img src="${server.base}/wp-content/uploads/2018/07/new.png" alt="A new picture"></p>`)));
    expect(existsSync(join(site, 'content/articles/2018/07/moving-post.md'))).toBe(false);
    expect(readFileSync(join(site, 'content/articles/2018/07/moving-post/index.md'), 'utf8')).toContain('![A new picture](./new.png)');
    expect(moved.write.removed).toEqual([{ root: 'content', path: 'articles/2018/07/moving-post.md' }]);
    expect(moved.notes.filter((n) => n.kind === 'check' && n.file.includes('moving-post'))).toEqual([]);
  });

  it('never replaces a file it did not write: the article takes the next id and the report says so', async () => {
    const site = tempDir('collide');
    const source = writeWxr(tempDir('wxr'), server.base);
    mkdirSync(join(site, 'content/articles/2018/07'), { recursive: true });
    const authors = '---\ntitle: Mine\n---\n';
    writeFileSync(join(site, 'content/articles/2018/07/talks-hopes.md'), authors);
    // An article in a folder of its own holds its id too.
    mkdirSync(join(site, 'content/articles/2018/07/peregovory'), { recursive: true });
    writeFileSync(join(site, 'content/articles/2018/07/peregovory/index.md'), authors);
    mkdirSync(join(site, 'content/topics'), { recursive: true });
    writeFileSync(join(site, 'content/topics/world.md'), '---\ntitle: "World (mine)"\ndescription: "Kept."\n---\n');
    const outcome = await runImport(options(site, source));
    expect(readFileSync(join(site, 'content/articles/2018/07/talks-hopes.md'), 'utf8')).toBe(authors);
    expect(readFileSync(join(site, 'content/topics/world.md'), 'utf8')).toContain('World (mine)');
    // The author's own file keeps its id; the two imported posts with that slug come after it, in source order.
    expect(existsSync(join(site, 'content/articles/2018/07/talks-hopes-2/index.md'))).toBe(true);
    expect(readFileSync(join(site, 'content/articles/2018/07/peregovory/index.md'), 'utf8')).toBe(authors);
    expect(readFileSync(join(site, 'content/articles/2018/07/peregovory-2/index.md'), 'utf8')).toContain('Делегации встретились в Вене.');
    expect(readFileSync(join(site, 'content/articles/2018/07/talks-hopes-3.md'), 'utf8')).toContain('Talks and hopes, again');
    expect(outcome.notes.filter((n) => n.kind === 'id-collision' && !n.detail.includes('peregovory')).map((n) => n.detail)).toEqual([
      expect.stringMatching(/^the id 2018\/07\/talks-hopes was taken \(a file that the import did not write has that id\); this article is 2018\/07\/talks-hopes-2 \(export\.xml:\d+\)$/),
      expect.stringMatching(/^the id 2018\/07\/talks-hopes was taken \("Talks & hopes: Vienna round “resumes”" \(export\.xml:\d+\) has the same id\); this article is 2018\/07\/talks-hopes-3 \(export\.xml:\d+\)$/),
    ]);
    // The author's broken file is theirs; the check reports only on what the import wrote.
    expect(outcome.notes.filter((n) => n.kind === 'check')).toEqual([]);
    expect(outcome.otherProblems).toBeGreaterThan(0);
  });
});

describe('options', () => {
  it('--tags drop leaves tags out; without pictures, articles link to the old copies', async () => {
    const site = tempDir('options');
    const source = writeWxr(tempDir('wxr'), server.base);
    const before = server.requests.length;
    const outcome = await runImport(options(site, source, { tags: 'drop', pictures: false }));
    expect(server.requests.length).toBe(before);
    expect(existsSync(join(site, 'content/topics/diplomacy.md'))).toBe(false);
    // The folder is decided by the source alone, so running without pictures moves no file.
    const article = readFileSync(join(site, 'content/articles/2018/07/talks-hopes/index.md'), 'utf8');
    expect(article).toContain('topics: [iran]\n');
    expect(article).not.toContain('tags:');
    expect(article).toContain(`\n[Picture: Delegates at the table in Vienna](${server.base}/wp-content/uploads/2018/07/talks-640x480.jpg) (Delegates at the table, _Thursday_)\n`);
    expect(article).not.toContain('image:');
    expect(outcome.notes).toContainEqual({
      kind: 'failed-download', file: 'content/articles/2018/07/talks-hopes/index.md', line: undefined,
      detail: `the featured picture ${server.base}/wp-content/uploads/2018/07/full/talks.jpg was not fetched (--no-pictures), so the article has no lead picture (export.xml:55)`,
    });
    expect(outcome.pictures).toBe(0);
  });

  it('--tags keep keeps tags as the article\'s tags, with no topic for them, and the files pass the check', async () => {
    const site = tempDir('keep');
    const outcome = await runImport(options(site, writeWxr(tempDir('wxr'), server.base), { tags: 'keep' }));
    expect(existsSync(join(site, 'content/topics/diplomacy.md'))).toBe(false);
    const article = readFileSync(join(site, 'content/articles/2018/07/talks-hopes/index.md'), 'utf8');
    expect(article).toContain('topics: [iran]\ntags: ["Diplomacy"]\n');
    expect(readFileSync(join(site, 'content/articles/2018/07/gftwgw/index.md'), 'utf8')).toContain('tags: ["نفت"]\n');
    // The picture without alt text is listed once, with what to do; nothing else written fails the check.
    expect(outcome.notes.filter((n) => n.kind === 'missing-alt' || n.kind === 'check')).toEqual([{
      kind: 'missing-alt', file: 'content/articles/2018/07/gftwgw/index.md', line: 15,
      detail: 'a picture has no alt text (map.png), and the build refuses it until it has: say what it shows in ![…](./map.png), or mark a purely decorative picture ![](./map.png "decorative")',
    }]);
  });

  it('a feed\'s categories follow --tags like WordPress\'s tags: topics by default, the article\'s tags with keep, nothing with drop', async () => {
    const rss = writeRss(tempDir('rss'));
    const atom = writeAtom(tempDir('atom'));
    const topics = tempDir('feed-topics');
    await runImport(options(topics, rss, { kind: 'feed' }));
    await runImport(options(topics, atom, { kind: 'feed' }));
    expect(readFileSync(join(topics, 'content/articles/2018/07/ministers-meet-in-geneva.md'), 'utf8')).toContain('topics: [diplomacy]\n');
    expect(readFileSync(join(topics, 'content/topics/politika.md'), 'utf8')).toContain('title: "Политика"');
    const keep = tempDir('feed-keep');
    const kept = await runImport(options(keep, rss, { kind: 'feed', tags: 'keep' }));
    await runImport(options(keep, atom, { kind: 'feed', tags: 'keep' }));
    expect(readFileSync(join(keep, 'content/articles/2018/07/ministers-meet-in-geneva.md'), 'utf8')).toContain('topics: [wire-service]\ntags: ["Diplomacy"]\n');
    expect(readFileSync(join(keep, 'content/articles/2018/07/peregovory-prodolzhayutsya.md'), 'utf8')).toContain('topics: [vesti]\ntags: ["Политика"]\n');
    expect(existsSync(join(keep, 'content/topics/diplomacy.md'))).toBe(false);
    expect(kept.notes.filter((n) => n.kind === 'check')).toEqual([]);
    const drop = tempDir('feed-drop');
    await runImport(options(drop, rss, { kind: 'feed', tags: 'drop' }));
    const dropped = readFileSync(join(drop, 'content/articles/2018/07/ministers-meet-in-geneva.md'), 'utf8');
    expect(dropped).toContain('topics: [wire-service]\n');
    expect(dropped).not.toContain('tags:');
  });

  it('articles without a category get the site\'s topic, or the one given', async () => {
    const rss = writeRss(tempDir('rss'));
    const site = tempDir('fallback');
    await runImport(options(site, rss, { kind: 'feed' }));
    expect(readFileSync(join(site, 'content/articles/2018/07/markets-steady.md'), 'utf8')).toContain('topics: [wire-service]');
    const given = tempDir('given');
    await runImport(options(given, rss, { kind: 'feed', topic: 'markets' }));
    expect(readFileSync(join(given, 'content/articles/2018/07/markets-steady.md'), 'utf8')).toContain('topics: [markets]');
    expect(readFileSync(join(given, 'content/topics/markets.md'), 'utf8')).toContain('title: "Wire Service"');
  });

  it('Hugo: pages and section lists are listed, not imported; drafts stay drafts', async () => {
    const site = tempDir('hugo');
    const outcome = await runImport(options(site, writeHugo(tempDir('hugo-src')), { kind: 'hugo' }));
    expect(outcome.skipped.map((s) => `${s.place.file}: ${s.why}`)).toEqual([
      'content/_index.md: a section or list page',
      'content/about.md: a page at the top of content/, not in a section',
      'content/posts/_index.md: a section or list page',
    ]);
    expect(readFileSync(join(site, 'content/articles/2018/07/unfinished.md'), 'utf8')).toContain('draft: true');
    expect(outcome.notes).toContainEqual({
      kind: 'missing-alt', file: 'content/articles/2018/07/second-look/index.md', line: 14,
      detail: 'a picture has no alt text (photo.png), and the build refuses it until it has: say what it shows in ![…](./photo.png), or mark a purely decorative picture ![](./photo.png "decorative")',
    });
    expect(readFileSync(join(site, 'content/articles/2018/07/first-look/index.md'), 'utf8')).toContain('\n![The same chart](./chart.png "Spending by ministry")\n');
  });
});

describe('sources and checks', () => {
  it('reads a feed from its address', async () => {
    const site = tempDir('feed-url');
    const outcome = await runImport(options(site, `${server.base}/feed.xml`, { kind: 'feed' }));
    expect(outcome.articles).toBe(2);
    expect(readFileSync(join(site, 'content/articles/2018/07/ministers-meet-in-geneva.md'), 'utf8')).toContain('pubDate: 2018-07-12T09:30:00+04:30');
  });

  it('a written file that npm run check refuses is in the report with its file, line and reason', async () => {
    const site = tempDir('check');
    const source = writeWxr(tempDir('wxr'), server.base, [{
      id: 30, title: 'Old timeline post', name: 'old-timeline', link: `${server.base}/timeline/`, date: '2018-07-21 09:30:00', gmt: '2018-07-21 05:00:00',
      terms: '<category domain="category" nicename="iran"><![CDATA[Iran]]></category>', content: '<p>Was at /timeline/.</p>',
    }]);
    const outcome = await runImport(options(site, source));
    const check = outcome.notes.filter((n) => n.kind === 'check');
    expect(check).toEqual([expect.objectContaining({ file: 'content/articles/2018/07/old-timeline.md', line: 9 })]);
    expect(check[0]!.detail).toMatch(/^npm run check: aliases\[0\]: .*\/timeline\//);
  });
});
