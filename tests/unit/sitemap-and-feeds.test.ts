import { afterAll, describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { daysInSitemap, lastModified, sitemapDates, sitemapSerializer, sitePath } from '../../src/lib/site/sitemap-dates.ts';
import { buildArchive } from '../../src/lib/model/archive.ts';
import { archiveQuoteLedger } from '../../src/lib/model/quote-ledger.ts';
import { DIRECTORY_PAGE_SIZE, directoryEntries } from '../../src/lib/model/directory.ts';
import { readContentFiles } from '../../src/lib/content/files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { makeContentTree, md, removeContentTrees } from '../fixtures/content-tree.ts';
import { FEED_SIZE, feedItems, type FeedArticle } from '../../src/lib/site/feed-items.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('lastModified', () => {
  it('is the latest of publication, update and last commit', () => {
    expect(lastModified({ pubDate: day('2018-07-12') })).toEqual(day('2018-07-12'));
    expect(lastModified({ pubDate: day('2018-07-12'), updatedDate: day('2018-07-20') })).toEqual(day('2018-07-20'));
    expect(lastModified({ pubDate: day('2018-07-12'), updatedDate: day('2018-07-20') }, day('2020-02-03'))).toEqual(day('2020-02-03'));
  });

  it('is never before publication, even for a file committed before its publication date', () => {
    expect(lastModified({ pubDate: day('2030-01-01') }, day('2025-01-01'))).toEqual(day('2030-01-01'));
  });
});

describe('sitemapSerializer', () => {
  const dates = {
    lastmod: new Map([['/articles/a/', day('2020-02-03')]]),
    excluded: new Set(['/old/a/']),
  };
  const serialize = sitemapSerializer('/chronicle/', () => dates);

  it('adds lastmod to the pages the build dated, under the base path', () => {
    expect(serialize({ url: 'https://x.org/chronicle/articles/a/' })).toEqual({ url: 'https://x.org/chronicle/articles/a/', lastmod: '2020-02-03' });
    expect(serialize({ url: 'https://x.org/chronicle/timeline/' })).toEqual({ url: 'https://x.org/chronicle/timeline/' });
  });

  it('writes a day as a day and a commit as its moment, never a made-up midnight', () => {
    const timed = sitemapSerializer('/', () => ({ lastmod: new Map([['/a/', new Date('2026-11-27T15:04:05Z')], ['/b/', day('2018-07-12')]]), excluded: new Set() }));
    expect(timed<{ url: string; lastmod?: string }>({ url: 'https://x.org/a/' })?.lastmod).toBe('2026-11-27T15:04:05.000Z');
    expect(timed<{ url: string; lastmod?: string }>({ url: 'https://x.org/b/' })?.lastmod).toBe('2018-07-12');
  });

  it('leaves out alias pages, feeds and robots.txt', () => {
    for (const path of ['old/a/', 'rss.xml', 'topics/x/rss.xml', 'robots.txt']) {
      expect(serialize({ url: `https://x.org/chronicle/${path}` }), path).toBeUndefined();
    }
  });

  it('reads site paths without the base', () => {
    expect(sitePath('https://x.org/chronicle/a/b/', '/chronicle/')).toBe('/a/b/');
    expect(sitePath('https://x.org/a/', '/')).toBe('/a/');
    expect(sitePath('https://x.org/elsewhere/', '/chronicle/')).toBeUndefined();
  });
});

describe('feedItems', () => {
  const articles: FeedArticle[] = Array.from({ length: 60 }, (_, i) => ({
    id: `a${i}`, title: `Story ${i}`, description: 'd', pubDate: new Date(Date.UTC(2018, 0, 60 - i)), topics: ['t'],
    // Every story was updated later; feeds must not care.
    updatedDate: new Date(Date.UTC(2024, 0, 1)),
  }));
  const parser = new XMLParser({ isArray: (name) => name === 'item' });

  it(`keeps the latest ${FEED_SIZE}, each dated by its first publication (a day as noon in the site's zone)`, async () => {
    const items = feedItems(articles, (id) => `https://x.org/articles/${id}/`, () => 'Topic', 'UTC');
    expect(items).toHaveLength(FEED_SIZE);
    expect(items.map((i) => i.pubDate)).toEqual(articles.slice(0, FEED_SIZE).map((a) => new Date(a.pubDate.getTime() + 12 * 3600_000)));
    const xml = await getRssString({ title: 'T', description: 'D', site: 'https://x.org/', items });
    const parsed = parser.parse(xml) as { rss: { channel: { item: { pubDate: string; category: string }[] } } };
    expect(parsed.rss.channel.item[0]!.pubDate).toBe('Thu, 01 Mar 2018 12:00:00 GMT');
    expect(parsed.rss.channel.item[0]!.category).toBe('Topic');
  });

  it("gives a day as noon in the article's own zone, or the site's; a written time stays as written", async () => {
    const story = (extra: Partial<FeedArticle>): FeedArticle => ({ id: 'x', title: 'x', description: 'd', pubDate: day('2018-07-12'), topics: [], ...extra });
    const items = feedItems([
      story({ data: { timezone: 'Asia/Tehran' } }),
      story({}),
      story({ pubDate: new Date('2018-07-12T21:30:00Z'), data: { timezone: 'Asia/Tehran' } }),
    ], (id) => `https://x.org/${id}/`, () => 'T', 'America/New_York');
    const xml = await getRssString({ title: 'T', description: 'D', site: 'https://x.org/', items });
    const dates = (parser.parse(xml) as { rss: { channel: { item: { pubDate: string }[] } } }).rss.channel.item.map((i) => i.pubDate);
    // Noon in Tehran (UTC+4:30 that summer), noon in New York (UTC-4): both 12 July wherever the reader is.
    expect(dates).toEqual(['Thu, 12 Jul 2018 07:30:00 GMT', 'Thu, 12 Jul 2018 16:00:00 GMT', 'Thu, 12 Jul 2018 21:30:00 GMT']);
  });
});

describe('sitemapDates: a listing changes when what it lists changes', () => {
  afterAll(removeContentTrees);
  const { root, contentDir } = makeContentTree({
    'articles/2018/second-story.md': md('title: Second\ndescription: d.\npubDate: 2018-08-01\ntopics: [diplomacy]\ncountries: [IR]'),
  });
  const files = readContentFiles(contentDir, root).files;
  const archive = buildArchive(validateContent(files).content);
  // The older story's file was edited long after both were published.
  const commits: Record<string, Date> = { 'content/articles/2018/first-story.md': new Date('2026-11-27T10:00:00Z') };
  const { lastmod } = sitemapDates(archive, (file) => commits[file]);

  it('the home page and an entity take the newest change among their articles, not the newest publication', () => {
    expect(lastmod.get('/articles/2018/first-story/')).toEqual(new Date('2026-11-27T10:00:00Z'));
    expect(lastmod.get('/')).toEqual(new Date('2026-11-27T10:00:00Z'));
    expect(lastmod.get('/people/jane-doe/')).toEqual(new Date('2026-11-27T10:00:00Z'));
    expect(lastmod.get('/topics/')).toEqual(new Date('2026-11-27T10:00:00Z'));
    expect(lastmod.get('/archive/2018/')).toEqual(new Date('2026-11-27T10:00:00Z'));
    // Iran is named only by the untouched second story.
    expect(lastmod.get('/countries/ir/')).toEqual(new Date('2018-08-01T00:00:00Z'));
  });
});

describe('sitemapDates: every page of a list is dated by what that page shows', () => {
  afterAll(removeContentTrees);
  // 25 stories in January 2018 naming Jane Doe (with the fixture's own July story: 26, two pages of 20).
  const stories = Object.fromEntries(Array.from({ length: 25 }, (_, i) => {
    const dd = String(i + 1).padStart(2, '0');
    return [`articles/2018/jan-${dd}.md`, md(`title: January ${dd}\ndescription: d.\npubDate: 2018-01-${dd}\ntopics: [diplomacy]\npeople: [jane-doe]`)];
  }));
  const { root, contentDir } = makeContentTree(stories);
  const archive = buildArchive(validateContent(readContentFiles(contentDir, root).files).content);
  // An old story, on the second page of every list, corrected long after.
  const edited = new Date('2026-01-01T09:00:00Z');
  const committed = (file: string) => (file === 'content/articles/2018/jan-02.md' ? edited : undefined);
  const ledger = archiveQuoteLedger(archive, (id) => (id === '2018/jan-02' || id === '2018/jan-25'
    ? [{ id: 'quote-jane-doe-1', by: 'jane-doe', text: 'We talked.', inline: false }] : []));
  // 21 more quotations in between, so the edited story's quotation is on the second page.
  const { lastmod } = sitemapDates(archive, committed, {
    ...ledger,
    quotes: [ledger.quotes[0]!, ...Array.from({ length: 20 }, () => ({ ...ledger.quotes[0]! })), ledger.quotes[1]!],
  });

  it('the first page of the home page and of an entity is dated by its own stories; the second by the edited one', () => {
    expect(lastmod.get('/articles/2018/jan-02/')).toEqual(edited);
    expect(lastmod.get('/page/2/')).toEqual(edited);
    expect(lastmod.get('/people/jane-doe/2/')).toEqual(edited);
    expect(lastmod.get('/topics/diplomacy/2/')).toEqual(edited);
    expect(lastmod.get('/')).toEqual(archive.articles[0]!.pubDate);
    expect(lastmod.get('/')!.getTime()).toBeLessThan(edited.getTime());
  });

  it('the timeline, its year and the archive take the edited story; quotes pages by the stories they quote', () => {
    for (const path of ['/timeline/', '/timeline/2018/', '/archive/', '/archive/2018/']) expect(lastmod.get(path), path).toEqual(edited);
    expect(lastmod.get('/quotes/')).toEqual(new Date('2018-01-25T00:00:00Z'));
    expect(lastmod.get('/quotes/2/')).toEqual(edited);
    expect(lastmod.get('/people/jane-doe/quotes/')).toEqual(edited);
    expect(lastmod.get('/topics/diplomacy/quotes/')).toEqual(edited);
  });
});

describe('sitemapDates: a directory page by the entities on it, an entity page by the timeline it shows', () => {
  afterAll(removeContentTrees);
  // 101 people besides Jane Doe: by name, Jane and Person 000–098 fill the first page of 100, Person 099 and 100 the second.
  const people = Object.fromEntries(Array.from({ length: 101 }, (_, i) => {
    const n = String(i).padStart(3, '0');
    return [`people/person-${n}.md`, md(`name: Person ${n}`, '\nA short biography.\n')];
  }));
  const { root, contentDir } = makeContentTree({ ...people, 'events/jane-visits.md': md('title: Jane visits\ndate: 2019-03\npeople: [jane-doe]') });
  const archive = buildArchive(validateContent(readContentFiles(contentDir, root).files).content);
  const [lastPerson, event] = [new Date('2026-02-01T09:00:00Z'), new Date('2025-01-01T09:00:00Z')];
  const commits: Record<string, Date> = { 'content/people/person-100.md': lastPerson, 'content/events/jane-visits.md': event };
  const { lastmod } = sitemapDates(archive, (file) => commits[file]);

  it('a directory page is dated by the newest of the entities it lists, in the order the page lists them', () => {
    expect(directoryEntries(archive, 'people').slice(DIRECTORY_PAGE_SIZE).map((e) => e.name)).toEqual(['Person 099', 'Person 100']);
    expect(lastmod.get('/people/2/')).toEqual(lastPerson);
    // The first page lists Jane Doe (her page changed with the event), not the person edited later.
    expect(lastmod.get('/people/')).toEqual(event);
  });

  it("an entity's first page counts the events of the timeline it shows", () => {
    expect(lastmod.get('/people/jane-doe/')).toEqual(event);
    // The United Nations' timeline does not hold the event: its page keeps its article's date.
    expect(lastmod.get('/organizations/united-nations/')).toEqual(day('2018-07-12'));
    expect(lastmod.get('/events/')).toEqual(event);
  });
});

describe('daysInSitemap', () => {
  it('writes a day back as the day, and leaves a time somebody wrote', () => {
    const xml = (lastmod: string) => `<url><loc>https://x.org/a/</loc><lastmod>${lastmod}</lastmod></url>`;
    expect(daysInSitemap(xml('2018-07-12T00:00:00.000Z') + xml('2018-07-12T09:30:00.000Z'))).toBe(xml('2018-07-12') + xml('2018-07-12T09:30:00.000Z'));
  });
});
