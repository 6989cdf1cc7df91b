import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './helpers/browser.ts';
import { buildOnce, ROOT, type BuildResult } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';

/**
 * News standards on a generated archive kept in its own git repository,
 * built for https://news.example.net/chronicle/ with an edit-link repository
 * configured: JSON-LD, link previews, feeds, sitemap, robots.txt, aliases,
 * corrections, git "last updated" dates, reading time, related articles, and
 * a headline carrying an HTML/script payload.
 */
const SITE = 'https://news.example.net';
const BASE = '/chronicle/';
const REPO = 'https://github.com/example/chronicle-content';
const HOSTILE = '</script><script>alert(1)</script> "quotes" & <b>';
const HOSTILE_ID = '2018/07/hostile-headline';
const HOSTILE_COMMIT = '2020-02-03T04:05:06Z';
const FIRST_COMMIT = '2019-01-01T00:00:00Z';
const ALIASES = ['/2018/07/old-hostile-slug/', '/news/12345.html'];
const FILLERS = 55;

const yaml = (value: string) => `'${value.replace(/'/g, "''")}'`;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

function article(fields: Record<string, string>, body = 'Body text.'): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}\n`;
}

function files(): Record<string, string> {
  const tree: Record<string, string> = {
    'topics/diplomacy.md': article({ title: 'Diplomacy', description: 'Talks between states.' }),
    'topics/energy.md': article({ title: 'Energy', description: 'Oil, gas and power.' }),
    'people/jane-doe.md': article({ name: 'Jane Doe', role: 'Envoy', country: 'IR', aliases: '[J. Doe]' }),
    'people/john-roe.md': article({ name: 'John Roe' }),
    'organizations/united-nations.md': article({ name: 'United Nations', shortName: 'UN', url: 'https://www.un.org/' }),
    [`articles/${HOSTILE_ID}.md`]: article({
      title: yaml(HOSTILE),
      description: yaml('A standfirst with </script> & "quotes" too.'),
      pubDate: '2018-07-12T09:30:00Z',
      updatedDate: '2018-07-20',
      dateline: 'TEHRAN',
      source: '{ name: Tasnim News Agency, url: "https://www.tasnimnews.com/en/news/2018/07/12/1779645/x" }',
      authors: '[Jane Reporter]',
      topics: '[diplomacy]',
      people: '[jane-doe, john-roe]',
      organizations: '[united-nations]',
      countries: '[IR, RU]',
      aliases: `[${ALIASES.join(', ')}]`,
      corrections: '\n  - { date: 2018-07-14, text: "An earlier version gave the wrong venue." }\n  - { date: 2018-07-16, text: "The envoy\'s title was corrected." }',
    }, words(690)),
    'articles/2018/08/newer-with-image.md': article({
      title: 'Talks resume in Vienna', description: 'Delegates return.', pubDate: '2018-08-01',
      topics: '[diplomacy]', people: '[jane-doe]', countries: '[IR]',
      image: '{ src: /images/talks.jpg, alt: Delegates at the table, credit: Agency }',
    }),
    'articles/2018/06/older-updated.md': article({
      title: 'Early talks', description: 'First contacts.', pubDate: '2018-06-01', updatedDate: '2018-09-15',
      topics: '[diplomacy]', people: '[jane-doe, john-roe]', organizations: '[united-nations]', countries: '[IR, RU]',
    }),
    'articles/2018/05/unrelated.md': article({ title: 'Oil prices fall', description: 'Markets.', pubDate: '2018-05-01', topics: '[energy]' }),
  };
  for (let i = 0; i < FILLERS; i += 1) {
    const day = new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
    tree[`articles/2019/energy-${String(i).padStart(2, '0')}.md`] = article({ title: `Energy note ${i}`, description: 'A note.', pubDate: day, topics: '[energy]' });
  }
  return tree;
}

function git(cwd: string, args: string[], date?: string) {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org',
      GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
}

/**
 * The fixture as a repository: everything committed in 2019, the hostile
 * article changed again in 2020, one file never committed. It lives at a
 * fixed place beside the build's own folders, so the build's content cache
 * stays valid from one run to the next.
 */
function makeRepository(): string {
  const root = join(process.env.CHRONICLE_E2E_CACHE || join(ROOT, '.cache', 'e2e'), 'standards-fixture');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  };
  for (const [path, text] of Object.entries(files())) write(path, text);
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'import'], FIRST_COMMIT);
  const hostile = join(root, 'content', `articles/${HOSTILE_ID}.md`);
  writeFileSync(hostile, `${readFileSync(hostile, 'utf8')}\nA paragraph added later.\n`);
  git(root, ['commit', '-q', '-am', 'edit'], HOSTILE_COMMIT);
  write('articles/2018/08/uncommitted.md', article({ title: 'Not yet committed', description: 'New.', pubDate: '2018-08-05', updatedDate: '2018-08-06', topics: '[energy]' }));
  return root;
}

let root: string;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  root = makeRepository();
  build = await buildOnce({ name: 'standards', contentDir: join(root, 'content'), base: BASE, env: { CHRONICLE_SITE: SITE, CHRONICLE_REPO_URL: REPO } });
  server = await serveDir(build.outDir, BASE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;
const published = (path: string) => `${SITE}${BASE}${path.replace(/^\//, '')}`;
const dist = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category', 'url', 'sitemap'].includes(name) });

interface Item { title: string; link: string; guid: { '#text': string }; pubDate: string; description: string; category?: string[] }
function feed(path: string): { title: string; items: Item[] } {
  const parsed = xml.parse(dist(path)) as { rss: { channel: { title: string; item?: Item[] } } };
  return { title: parsed.rss.channel.title, items: parsed.rss.channel.item ?? [] };
}

const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.context().close();
});

/** The page as Chromium sees it, with every dialog an injected script would open recorded. */
async function visit(path: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const { page, errors, dialogs } = await openPage(browser, server.origin);
  opened.push(page);
  await page.goto(url(path));
  return { page, dialogs, errors };
}

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

type Node = Record<string, unknown>;
/** The page's one graph: its nodes, a node by type, and a node by id. */
async function graphOf(page: Page) {
  const blocks = await jsonLd(page);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]!['@context']).toBe('https://schema.org');
  const nodes = blocks[0]!['@graph'] as Node[];
  return {
    nodes,
    ofType: (type: string) => nodes.find((node) => node['@type'] === type),
    byId: (id: unknown) => nodes.find((node) => node['@id'] === (id as Node)['@id']),
  };
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const validIso = (value: unknown) => typeof value === 'string' && ISO_WITH_ZONE.test(value) && !Number.isNaN(Date.parse(value));

describe('article structured data', () => {
  it('has NewsArticle JSON-LD with the fields Google recommends, and valid ISO dates with a time zone', async () => {
    const { page } = await visit(`articles/${HOSTILE_ID}/`);
    const graph = await graphOf(page);
    const ld = graph.ofType('NewsArticle');
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: HOSTILE,
      description: 'A standfirst with </script> & "quotes" too.',
      url: published(`articles/${HOSTILE_ID}/`),
      mainEntityOfPage: { '@id': `${published(`articles/${HOSTILE_ID}/`)}#webpage` },
      inLanguage: 'en',
      dateline: 'TEHRAN',
      author: [{ '@type': 'Person', name: 'Jane Reporter' }],
      publisher: { '@type': 'Organization', name: 'Tasnim News Agency', url: 'https://www.tasnimnews.com' },
      sourceOrganization: { '@type': 'Organization', name: 'Tasnim News Agency' },
      isBasedOn: 'https://www.tasnimnews.com/en/news/2018/07/12/1779645/x',
    });
    expect(validIso(ld!.datePublished)).toBe(true);
    expect(validIso(ld!.dateModified)).toBe(true);
    expect(ld!.datePublished).toBe('2018-07-12T09:30:00.000Z');
    // Last changed by the 2020 commit, later than its updatedDate.
    expect(ld!.dateModified).toBe('2020-02-03T04:05:06.000Z');
    // Mentions and topics point at nodes of the same graph, by ids that name the thing, not its page.
    const mentions = (ld!.mentions as Node[]).map((ref) => graph.byId(ref)!).filter((m) => m['@type'] !== 'Event').map((m) => `${m['@type']}:${m.name}`);
    expect(mentions).toEqual(['Person:Jane Doe', 'Person:John Roe', 'Organization:United Nations', 'Country:Iran', 'Country:Russia']);
    expect(ld!.mentions).toContainEqual({ '@id': published('people/jane-doe/#person') });
    expect((ld!.about as Node[]).map((ref) => graph.byId(ref))).toEqual([expect.objectContaining({ name: 'Diplomacy', url: published('topics/diplomacy/') })]);
  });

  it('gives the image when an article has one, as an absolute URL', async () => {
    const { page } = await visit('articles/2018/08/newer-with-image/');
    const graph = await graphOf(page);
    const ld = graph.ofType('NewsArticle');
    expect(ld!.image).toEqual([{ '@type': 'ImageObject', url: published('images/talks.jpg'), caption: 'Delegates at the table', creditText: 'Agency' }]);
    // No byline and no source: no author is invented; the archive is the publisher.
    expect(ld).not.toHaveProperty('author');
    expect(graph.byId(ld!.publisher)).toMatchObject({ '@type': 'Organization', name: 'Chronicle', url: published('') });
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe(published('images/talks.jpg'));
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
  });

  it('has a canonical link, OpenGraph article tags and a Twitter card', async () => {
    const { page } = await visit(`articles/${HOSTILE_ID}/`);
    const meta = (property: string) => page.locator(`meta[property="${property}"]`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(published(`articles/${HOSTILE_ID}/`));
    expect(await meta('og:type').getAttribute('content')).toBe('article');
    expect(await meta('og:title').getAttribute('content')).toBe(HOSTILE);
    expect(await meta('og:url').getAttribute('content')).toBe(published(`articles/${HOSTILE_ID}/`));
    expect(await meta('article:published_time').getAttribute('content')).toBe('2018-07-12T09:30:00.000Z');
    expect(await meta('article:modified_time').getAttribute('content')).toBe('2020-02-03T04:05:06.000Z');
    expect(await meta('article:section').getAttribute('content')).toBe('Diplomacy');
    expect(await meta('article:tag').evaluateAll((tags) => tags.map((t) => t.getAttribute('content'))))
      .toEqual(['Diplomacy', 'Jane Doe', 'John Roe', 'United Nations', 'Iran', 'Russia']);
    // Without a picture of its own the article has a drawn share card (issue 22), shown large.
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/cards\/[0-9a-f]{24}\.png$/);
  });

  it('describes entity pages as ProfilePages about a Person, Organization and Country, each with an id of its own', async () => {
    const main = async (path: string) => {
      const graph = await graphOf((await visit(path)).page);
      const profile = graph.ofType('ProfilePage')!;
      return { graph, thing: graph.byId(profile.mainEntity)! };
    };
    const person = await main('people/jane-doe/');
    expect(person.thing).toMatchObject({ '@type': 'Person', '@id': published('people/jane-doe/#person'), name: 'Jane Doe', jobTitle: 'Envoy', alternateName: ['J. Doe'], url: published('people/jane-doe/') });
    expect(person.graph.byId(person.thing.nationality)).toMatchObject({ '@type': 'Country', name: 'Iran', identifier: 'IR' });
    const organization = await main('organizations/united-nations/');
    expect(organization.thing).toMatchObject({ '@type': 'Organization', name: 'United Nations', alternateName: ['UN'], sameAs: 'https://www.un.org/' });
    const country = await main('countries/ru/');
    expect(country.thing).toMatchObject({ '@type': 'Country', '@id': published('countries/ru/#country'), name: 'Russia', identifier: 'RU', url: published('countries/ru/') });
  });
});

describe('a headline carrying an HTML/script payload', () => {
  it('stays inert text in the page, its head and its JSON-LD', async () => {
    const { page, dialogs, errors } = await visit(`articles/${HOSTILE_ID}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HOSTILE);
    expect(await page.title()).toBe(`${HOSTILE} · Chronicle`);
    expect(await page.locator('h1 b, h1 script').count()).toBe(0);
    // The payload is inside data blocks only (never a script of its own), and the JSON-LD reads it back whole.
    const scripts = await page.locator('script').evaluateAll((all) => all.map((s) => ({ type: s.getAttribute('type'), text: s.textContent ?? '' })));
    const carrying = scripts.filter((s) => s.text.includes('alert(1)'));
    expect(carrying.map((s) => s.type)).toContain('application/ld+json');
    for (const script of carrying) expect(script.type, script.text.slice(0, 80)).toMatch(/^application\/(ld\+)?json$/);
    const graph = JSON.parse(carrying.find((s) => s.type === 'application/ld+json')!.text)['@graph'] as Node[];
    expect(graph.find((node) => node['@type'] === 'NewsArticle')!.headline).toBe(HOSTILE);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('stays inert on every page that lists it: topic, person, the related list of another article', async () => {
    for (const path of ['topics/diplomacy/', 'people/jane-doe/', 'articles/2018/06/older-updated/']) {
      const { page, dialogs } = await visit(path);
      await expect(page.getByRole('link', { name: HOSTILE, exact: true }).count(), path).resolves.toBeGreaterThan(0);
      expect(dialogs, path).toEqual([]);
    }
  });

  it('stays literal text in the feeds', () => {
    for (const path of ['topics/diplomacy/rss.xml', 'people/jane-doe/rss.xml', 'countries/ir/rss.xml']) {
      const item = feed(path).items.find((i) => i.link === published(`articles/${HOSTILE_ID}/`));
      expect(item?.title, path).toBe(HOSTILE);
      expect(item?.description).toBe('A standfirst with </script> & "quotes" too.');
    }
    expect(dist('topics/diplomacy/rss.xml')).not.toContain('<script>');
  });
});

describe('feeds', () => {
  it('the site feed parses as RSS and holds the latest 50 articles, newest first', () => {
    const { title, items } = feed('rss.xml');
    expect(title).toBe('Chronicle');
    expect(items).toHaveLength(50);
    expect(items[0]!.title).toBe(`Energy note ${FILLERS - 1}`);
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(items.every((i) => i.guid['#text'] === i.link && i.link.startsWith(`${SITE}${BASE}articles/`))).toBe(true);
  });

  it('an update never changes an item\'s publication date or its place', () => {
    const { items } = feed('topics/diplomacy/rss.xml');
    expect(items.map((i) => i.title)).toEqual(['Talks resume in Vienna', HOSTILE, 'Early talks']);
    // Updated on 15 September, published on 1 June: the feed keeps 1 June (a day: noon in the site's zone, UTC).
    expect(items[2]!.pubDate).toBe('Fri, 01 Jun 2018 12:00:00 GMT');
    // The hostile article was edited in 2020; its item still carries its 2018 publication.
    expect(items[1]!.pubDate).toBe('Thu, 12 Jul 2018 09:30:00 GMT');
    expect(items[1]!.category).toEqual(['Diplomacy']);
  });

  it('one feed per topic, person, organization and country, each with its own articles', () => {
    const titles = (path: string) => feed(path).items.map((i) => i.title);
    expect(feed('topics/energy/rss.xml').items).toHaveLength(50);
    expect(titles('people/jane-doe/rss.xml')).toEqual(['Talks resume in Vienna', HOSTILE, 'Early talks']);
    expect(titles('people/john-roe/rss.xml')).toEqual([HOSTILE, 'Early talks']);
    expect(titles('organizations/united-nations/rss.xml')).toEqual([HOSTILE, 'Early talks']);
    expect(titles('countries/ru/rss.xml')).toEqual([HOSTILE, 'Early talks']);
    expect(feed('countries/ru/rss.xml').title).toBe('Chronicle: Russia');
    // Nothing names France: no page, no feed.
    expect(existsSync(join(build.outDir, 'countries/fr/rss.xml'))).toBe(false);
    expect(existsSync(join(build.outDir, 'countries/fr/index.html'))).toBe(false);
  });

  it('pages announce their feeds in <head>, and each announced feed exists', async () => {
    const cases: [string, string[]][] = [
      ['', ['rss.xml']],
      [`articles/${HOSTILE_ID}/`, ['rss.xml', 'topics/diplomacy/rss.xml']],
      ['topics/diplomacy/', ['rss.xml', 'topics/diplomacy/rss.xml']],
      ['people/jane-doe/', ['rss.xml', 'people/jane-doe/rss.xml']],
      ['organizations/united-nations/', ['rss.xml', 'organizations/united-nations/rss.xml']],
      ['countries/ir/', ['rss.xml', 'countries/ir/rss.xml']],
    ];
    for (const [path, feeds] of cases) {
      const { page } = await visit(path);
      const links = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((all) => all.map((l) => (l as HTMLLinkElement).href));
      expect(links, path).toEqual(feeds.map(url));
      for (const link of links) {
        const response = await page.request.get(link);
        expect(response.status(), link).toBe(200);
        expect((xml.parse(await response.text()) as { rss?: { channel?: unknown } }).rss?.channel, link).toBeDefined();
      }
    }
  });
});

describe('sitemap and robots.txt', () => {
  it('the sitemap lists articles with lastmod from git or their dates, and leaves alias pages and feeds out', () => {
    const index = xml.parse(dist('sitemap-index.xml')) as { sitemapindex: { sitemap: { loc: string }[] } };
    expect(index.sitemapindex.sitemap.map((s) => s.loc)).toEqual([published('sitemap-0.xml')]);
    const urls = (xml.parse(dist('sitemap-0.xml')) as { urlset: { url: { loc: string; lastmod?: string }[] } }).urlset.url;
    const lastmod = new Map(urls.map((u) => [u.loc, u.lastmod]));
    expect(lastmod.get(published(`articles/${HOSTILE_ID}/`))).toBe('2020-02-03T04:05:06.000Z');
    expect(lastmod.get(published('articles/2018/06/older-updated/'))).toBe('2019-01-01');
    // Never committed: its own updatedDate.
    expect(lastmod.get(published('articles/2018/08/uncommitted/'))).toBe('2018-08-06');
    expect(lastmod.get(published('topics/diplomacy/'))).toMatch(ISO_WITH_ZONE);
    for (const alias of ALIASES) expect(lastmod.has(published(alias))).toBe(false);
    expect([...lastmod.keys()].filter((loc) => /\.(xml|txt)$/.test(loc))).toEqual([]);
    expect([...lastmod.keys()].every((loc) => loc.startsWith(`${SITE}${BASE}`))).toBe(true);
  });

  it("dates a guide page by its source file's last commit, and gives none when git cannot tell", () => {
    const urls = (xml.parse(dist('sitemap-0.xml')) as { urlset: { url: { loc: string; lastmod?: string }[] } }).urlset.url;
    const lastmod = new Map(urls.map((u) => [u.loc, u.lastmod]));
    const inRoot = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const shallow = inRoot('rev-parse', '--is-shallow-repository') === 'true';
    for (const [file, path] of [['index', 'guide/'], ['dates', 'guide/dates/'], ['fields', 'guide/fields/']] as const) {
      const committed = shallow ? '' : inRoot('log', '-1', '--format=%cI', '--', `src/pages/guide/${file}.mdx`);
      const value = lastmod.get(published(path));
      if (committed) expect(Date.parse(value ?? 'none'), path).toBe(Date.parse(committed));
      else expect(value, path).toBeUndefined();
    }
  });

  it('robots.txt points at the sitemap on the configured site and base', () => {
    expect(dist('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}${BASE}sitemap-index.xml\n`);
  });
});

describe('aliases', () => {
  for (const alias of ALIASES) {
    it(`${alias} leads a browser to the article`, async () => {
      const { page, dialogs } = await visit(alias);
      await page.waitForURL(url(`articles/${HOSTILE_ID}/`));
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HOSTILE);
      expect(dialogs).toEqual([]);
    });
  }

  it('the redirect page has a canonical link, noindex and a visible link to the article', () => {
    const html = dist('2018/07/old-hostile-slug/index.html');
    expect(html).toContain(`<link rel="canonical" href="${published(`articles/${HOSTILE_ID}/`)}">`);
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${BASE}articles/${HOSTILE_ID}/">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toMatch(new RegExp(`<a href="${BASE}articles/${HOSTILE_ID}/"[^>]*>&lt;/script&gt;&lt;script&gt;alert\\(1\\)`));
    expect(existsSync(join(build.outDir, 'news/12345.html/index.html'))).toBe(true);
  });
});

describe('corrections, last updated, edit links, reading time, related articles', () => {
  it('shows the corrections newest first on the page and in the JSON-LD', async () => {
    const { page } = await visit(`articles/${HOSTILE_ID}/`);
    const notice = page.getByRole('complementary', { name: 'Corrections' });
    await expect(notice.isVisible()).resolves.toBe(true);
    const items = await notice.getByRole('listitem').allTextContents();
    expect(items).toEqual(['16 July 2018 The envoy\'s title was corrected.', '14 July 2018 An earlier version gave the wrong venue.']);
    const ld = (await graphOf(page)).ofType('NewsArticle');
    // Written as days, published as days: no made-up midnight.
    expect(ld!.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'The envoy\'s title was corrected.', datePublished: '2018-07-16' },
      { '@type': 'CorrectionComment', text: 'An earlier version gave the wrong venue.', datePublished: '2018-07-14' },
    ]);
    // An article without corrections has no notice.
    const other = await visit('articles/2018/06/older-updated/');
    expect(await other.page.getByRole('complementary', { name: 'Corrections' }).count()).toBe(0);
  });

  it('shows when the file last changed in git, with links to edit it and to its history', async () => {
    const { page } = await visit(`articles/${HOSTILE_ID}/`);
    const facts = page.locator('.page-facts');
    await expect(facts.locator('.last-updated').textContent()).resolves.toBe('Last updated 3 February 2020');
    const file = `content/articles/${HOSTILE_ID}.md`;
    expect(await page.getByRole('link', { name: 'Edit this page' }).getAttribute('href')).toBe(`${REPO}/edit/main/${file}`);
    expect(await page.getByRole('link', { name: 'Page history' }).getAttribute('href')).toBe(`${REPO}/commits/main/${file}`);
    // A file git does not know yet falls back to its updatedDate.
    const fresh = await visit('articles/2018/08/uncommitted/');
    await expect(fresh.page.locator('.page-facts .last-updated').textContent()).resolves.toBe('Last updated 6 August 2018');
  });

  it('shows the reading time', async () => {
    const { page } = await visit(`articles/${HOSTILE_ID}/`);
    await expect(page.locator('.byline .reading-time').textContent()).resolves.toBe('3 min read');
  });

  it('lists related articles by shared entities and topics, best first', async () => {
    const { page } = await visit(`articles/${HOSTILE_ID}/`);
    const related = page.getByRole('region', { name: 'Related articles' });
    const titles = await related.getByRole('link').allTextContents();
    expect(titles).toEqual(['Early talks', 'Talks resume in Vienna']);
    await related.getByRole('link', { name: 'Early talks' }).click();
    await page.waitForURL(url('articles/2018/06/older-updated/'));
  });
});
