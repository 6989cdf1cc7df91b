import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LARGE_PNG, PNG, importOptions, removeTempDirs, startPictureServer, tempDir, writeAtom, writeHugo, writeJekyll, writeRss, writeWxr, type PictureServer } from '../fixtures/import-sources.ts';
import { runImport } from '../../src/lib/import/run.ts';

/**
 * An imported article's lead picture: the featured picture its source names
 * (WordPress's, a feed item's, a Hugo or Jekyll post's), fetched beside the
 * article with its alt text, caption and credit, or sent from public/ and
 * listed when it is smaller than a share card, or reported when it cannot be had.
 */

let server: PictureServer;
beforeAll(async () => { server = await startPictureServer(); });
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

const options = importOptions;

describe('lead pictures', () => {
  it('a featured picture leads its article from beside it, with the attachment\'s alt text, caption and credit; a small one is sent as it is and listed', async () => {
    const site = tempDir('lead');
    const source = writeWxr(tempDir('wxr'), server.base, [{
      id: 32, title: 'Map post', name: 'map-post', link: `${server.base}/2018/07/23/map-post/`, date: '2018-07-23 09:30:00', gmt: '2018-07-23 05:00:00',
      terms: '<category domain="category" nicename="iran"><![CDATA[Iran]]></category>', content: '<p>A post led by a small map.</p>', meta: { _thumbnail_id: '11' },
    }, { id: 33, type: 'attachment', status: 'inherit', title: 'gone', name: 'gone', content: '', attachmentUrl: `${server.base}/missing/gone.jpg` }, {
      id: 34, title: 'Lost lead', name: 'lost-lead', date: '2018-07-24 09:30:00', gmt: '2018-07-24 05:00:00',
      terms: '<category domain="category" nicename="iran"><![CDATA[Iran]]></category>', content: '<p>Its picture is gone.</p>', meta: { _thumbnail_id: '33' },
    }]);
    const outcome = await runImport(options(site, source));
    const article = readFileSync(join(site, 'content/articles/2018/07/talks-hopes/index.md'), 'utf8');
    expect(article).toContain('\nimage:\n  src: "./talks.jpg"\n  alt: "Delegates at the table in Vienna"\n  caption: "Delegates in Vienna"\n  credit: "Zoë Photographer"\n');
    expect(readFileSync(join(site, 'content/articles/2018/07/talks-hopes/talks.jpg'))).toEqual(LARGE_PNG);
    // 1×1 and without alt text: the build would refuse it beside the article, so it goes to public/ and the report says both.
    const small = readFileSync(join(site, 'content/articles/2018/07/map-post/index.md'), 'utf8');
    expect(small).toContain('\nimage:\n  src: "/images/2018/07/map-post/map.png"\n  alt: "Map post"\n');
    expect(readFileSync(join(site, 'public/images/2018/07/map-post/map.png'))).toEqual(PNG);
    expect(outcome.notes.filter((n) => n.file === 'content/articles/2018/07/map-post/index.md')).toEqual([
      { kind: 'missing-alt', file: 'content/articles/2018/07/map-post/index.md', line: 9, detail: expect.stringMatching(/^the featured picture has no alt text \(map\.png\); the title stands in/) },
      { kind: 'small-lead', file: 'content/articles/2018/07/map-post/index.md', line: 9, detail: expect.stringMatching(/^the featured picture is 1×1 pixels, smaller than a share card \(1200×630\)/) },
    ]);
    // A featured picture that cannot be fetched leaves the article without one, and the report says so.
    expect(readFileSync(join(site, 'content/articles/2018/07/lost-lead/index.md'), 'utf8')).not.toContain('image:');
    expect(outcome.notes.filter((n) => n.file.includes('lost-lead'))).toEqual([{
      kind: 'failed-download', file: 'content/articles/2018/07/lost-lead/index.md', line: undefined,
      detail: expect.stringMatching(/^the featured picture http:\/\/127\.0\.0\.1:\d+\/missing\/gone\.jpg could not be fetched \(the server answered 404[^)]*\); the article has no lead picture \(export\.xml:\d+\)$/),
    }]);
    expect(outcome.notes.filter((n) => n.kind === 'check')).toEqual([]);
  });

  it('feeds: a Media RSS picture or an Atom image enclosure leads the article from beside it, with its credit', async () => {
    const site = tempDir('feed-lead');
    const outcome = await runImport(options(site, writeRss(tempDir('rss'), server.base), { kind: 'feed' }));
    await runImport(options(site, writeAtom(tempDir('atom'), server.base), { kind: 'feed' }));
    expect(readFileSync(join(site, 'content/articles/2018/07/ministers-meet-in-geneva/index.md'), 'utf8'))
      .toContain('\nimage:\n  src: "./geneva.png"\n  alt: "Ministers meet in Geneva"\n  caption: "Ministers in Geneva"\n  credit: "Wire Photo"\n');
    expect(readFileSync(join(site, 'content/articles/2018/07/ministers-meet-in-geneva/geneva.png'))).toEqual(LARGE_PNG);
    expect(readFileSync(join(site, 'content/articles/2018/07/peregovory-prodolzhayutsya/index.md'), 'utf8')).toContain('\nimage:\n  src: "./vena.png"\n');
    // A feed gives no alt text: the title stands in, and the report asks for a description.
    expect(outcome.notes.map((n) => n.kind)).toEqual(['missing-alt']);
  });

  it('a featured picture that grows to a share card\'s size moves beside its article on the next run, and the copy in public/ is removed', async () => {
    const site = tempDir('lead-grows');
    const hugo = writeHugo(tempDir('hugo-src'));
    writeFileSync(join(hugo, 'static/img/lead.png'), PNG);
    await runImport(options(site, hugo, { kind: 'hugo' }));
    expect(readFileSync(join(site, 'public/images/2018/07/first-look/lead.png'))).toEqual(PNG);
    writeFileSync(join(hugo, 'static/img/lead.png'), LARGE_PNG);
    const again = await runImport(options(site, hugo, { kind: 'hugo' }));
    expect(existsSync(join(site, 'public/images/2018/07/first-look/lead.png'))).toBe(false);
    expect(again.write.removed).toEqual([{ root: 'public', path: 'images/2018/07/first-look/lead.png' }]);
    expect(readFileSync(join(site, 'content/articles/2018/07/first-look/index.md'), 'utf8')).toContain('\n  src: "./lead.png"\n');
  });

  it('Hugo and Jekyll: the frontmatter\'s picture (cover, image) leads the article from beside it', async () => {
    const hugo = tempDir('hugo-lead');
    await runImport(options(hugo, writeHugo(tempDir('hugo-src')), { kind: 'hugo' }));
    expect(readFileSync(join(hugo, 'content/articles/2018/07/first-look/index.md'), 'utf8'))
      .toContain('\nimage:\n  src: "./lead.png"\n  alt: "The budget papers on a desk"\n  caption: "The budget, published on Thursday"\n');
    expect(readFileSync(join(hugo, 'content/articles/2018/07/first-look/lead.png'))).toEqual(LARGE_PNG);
    const jekyll = tempDir('jekyll-lead');
    const outcome = await runImport(options(jekyll, writeJekyll(tempDir('jekyll-src')), { kind: 'jekyll' }));
    expect(readFileSync(join(jekyll, 'content/articles/2018/07/first-post/index.md'), 'utf8')).toContain('\nimage:\n  src: "./lead.png"\n  alt: "The office at dawn"\n');
    expect(outcome.notes.filter((n) => n.kind === 'check')).toEqual([]);
  });
});
