import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as Kinds from '../../src/lib/core/kinds.ts';
import type * as Schemas from '../../src/schemas/index.ts';

/**
 * Adding a kind of entity is one registry entry plus its schema. This file
 * adds `places` in exactly that way, then shows that every stage of the
 * pipeline takes it up: its folder is read, its files are checked, articles
 * and events may name places, unknown places are reported with the closest
 * id, the archive model indexes them, and they get pages, feeds, timelines,
 * search and sitemap entries.
 */
vi.mock('../../src/lib/core/kinds.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Kinds>();
  const KINDS = {
    ...original.KINDS,
    places: { singular: 'place', pattern: '*.md', ids: 'slug', namedBy: 'places', timelineAttribute: 'place', pages: true, timeline: true, feed: true, quotes: false, scaffold: true },
  } as const;
  return { ...original, KINDS, ...original.deriveKinds(KINDS), kindSpec: (name: keyof typeof KINDS) => KINDS[name] };
});
vi.mock('../../src/schemas/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Schemas>();
  const { z } = await import('astro/zod');
  const { frontmatter } = await import('../../src/schemas/common.ts');
  const placeSchema = frontmatter(z.strictObject({ name: z.string().describe('The place\'s name.') }));
  const { KIND_NAMES } = await import('../../src/lib/core/kinds.ts');
  return { ...original, SCHEMAS: { ...original.SCHEMAS, places: placeSchema }, COLLECTION_NAMES: KIND_NAMES };
});

const { article, makeContentTree, md, removeContentTrees, reported, runPipeline } = await import('../fixtures/content-tree.ts');
const { readContentFiles } = await import('../../src/lib/content/files.ts');
const { validateContent } = await import('../../src/lib/content/validate.ts');
const { buildArchive } = await import('../../src/lib/model/archive.ts');
const { entityTimeline } = await import('../../src/lib/model/timeline.ts');
const { entityPath, FIXED_PAGES } = await import('../../src/lib/core/urls.ts');
const { mayBeSearchable } = await import('../../src/lib/search/indexed-pages.ts');
const { sitemapDates } = await import('../../src/lib/site/sitemap-dates.ts');
const { COMPONENT_REFERENCES } = await import('../../src/lib/content/components.ts');
const { KINDS: SCAFFOLD_KINDS } = await import('../../src/lib/authoring/scaffold.ts');

afterAll(removeContentTrees);

const PLACES = {
  'places/vienna.md': md('name: Vienna'),
  'articles/2018/talks.md': article('places: [vienna]\nevents: [{ date: 2018-07-06, title: Ministers meet, places: [vienna] }]'),
};

describe('a kind added to the registry', () => {
  it('is read from its folder, checked by its schema and indexed by the model', () => {
    const { root, contentDir } = makeContentTree(PLACES);
    const { files, errors: readErrors } = readContentFiles(contentDir, root);
    const { content, errors } = validateContent(files);
    expect([...readErrors, ...errors]).toEqual([]);
    const archive = buildArchive(content);
    const vienna = archive.entities.get('places' as never)!.get('vienna')!;
    expect(vienna.data).toEqual({ name: 'Vienna' });
    expect(vienna.articles).toEqual(['2018/talks']);
    // The place's timeline holds the article and the inline event that names it.
    expect(entityTimeline(archive.timeline, 'places' as never, 'vienna').map((entry) => entry.title)).toEqual(['Ministers meet', 'Valid']);
  });

  it('reports an unknown place with the file, the field and the closest id', () => {
    const { root, contentDir } = makeContentTree({ ...PLACES, 'articles/2018/typo.md': article('places: [viena]') });
    const { report } = runPipeline(contentDir, root);
    expect(report).toMatch(reported('content/articles/2018/typo.md', { field: 'places[0]', has: ['unknown place "viena"', 'did you mean "vienna"?'] }));
  });

  it('checks the files of the new folder like any other: schema fields and ids', () => {
    const { root, contentDir } = makeContentTree({ ...PLACES, 'places/Vienna.md': md('name: Vienna'), 'places/graz_2.md': md('name: Graz'), 'places/graz.md': md('nme: Graz') });
    const { report } = runPipeline(contentDir, root);
    expect(report).toMatch(reported('content/places/Vienna.md', { has: ['has the id "vienna" that content/places/vienna.md also has'] }));
    expect(report).toMatch(reported('content/places/graz_2.md', { has: ['the file name gives the id "graz_2"', 'lower-case letters, digits and dashes'] }));
    expect(report).toMatch(reported('content/places/graz.md', { field: 'nme', has: ['did you mean "name"?'] }));
  });

  it('gets pages, a feed, a timeline component attribute, search, the sitemap and the scaffold', () => {
    expect(entityPath('places' as never, 'vienna')).toBe('/places/vienna/');
    expect(FIXED_PAGES).toContain('/places/');
    expect(mayBeSearchable('/places/vienna/')).toBe(true);
    expect(mayBeSearchable('/places/vienna/2/')).toBe(false);
    expect(COMPONENT_REFERENCES.Timeline).toMatchObject({ place: 'places' });
    expect(SCAFFOLD_KINDS).toMatchObject({ place: 'places' });
    const { root, contentDir } = makeContentTree(PLACES);
    const archive = buildArchive(validateContent(readContentFiles(contentDir, root).files).content);
    expect(sitemapDates(archive, () => undefined).lastmod.get('/places/vienna/')).toEqual(new Date('2018-07-12'));
  });

  it('claims the URLs of its pages and feeds against aliases', () => {
    const { root, contentDir } = makeContentTree({ ...PLACES, 'articles/2018/moved.md': article('aliases: [/places/vienna/rss.xml]') });
    const { report } = runPipeline(contentDir, root);
    expect(report).toMatch(reported('content/articles/2018/moved.md', { field: 'aliases[0]', has: ["the site's feed for content/places/vienna.md"] }));
  });
});
