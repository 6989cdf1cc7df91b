import { describe, expect, it } from 'vitest';
import {
  entityNodes, newsArticleNodes, serializeJsonLd, type ArticleFacts, type EntityFacts,
} from '../../src/lib/site/jsonld.ts';
import { pageGraph, type SiteFacts } from '../../src/lib/site/structured-data.ts';

const SITE = 'https://news.example.org';
const site: SiteFacts = { url: `${SITE}/`, name: 'Chronicle', lang: 'en', search: `${SITE}/search/` };
const iran: EntityFacts = { kind: 'countries', name: 'Iran', code: 'ir', url: `${SITE}/countries/ir/` };
const velayati: EntityFacts = { kind: 'people', name: 'Ali Akbar Velayati', url: `${SITE}/people/ali-akbar-velayati/`, country: iran };

function facts(overrides: Partial<ArticleFacts> = {}): ArticleFacts {
  return {
    url: `${SITE}/articles/2018/07/velayati/`,
    headline: 'Iran-Russia Ties Strategic: Velayati',
    description: 'The envoy speaks in Moscow.',
    datePublished: new Date('2018-07-12T09:30:00Z'),
    dateModified: new Date('2018-07-14T00:00:00Z'),
    lang: 'en',
    dateline: 'TEHRAN',
    section: 'Iran–Russia relations',
    source: { name: 'Tasnim News Agency', url: 'https://www.tasnimnews.com/en/news/2018/07/12/1779645/x' },
    topics: [{ kind: 'topics', name: 'Iran–Russia relations', url: `${SITE}/topics/iran-russia-relations/` }],
    mentions: [velayati, { kind: 'organizations', name: 'United Nations', url: `${SITE}/organizations/united-nations/` }, iran],
    corrections: [
      { date: new Date('2018-07-13T08:00:00Z'), text: 'An earlier version misspelt the envoy’s name.' },
      { date: new Date('2018-07-15'), text: 'The meeting was on Thursday, not Friday.' },
    ],
    site,
    ...overrides,
  };
}

type Node = Record<string, unknown>;
const article = (f: ArticleFacts) => newsArticleNodes(f)[0] as Node;

describe('NewsArticle', () => {
  it('carries what Google recommends; a written time stays, a day stays a day', () => {
    const ld = article(facts({ authors: ['Jane Doe'], images: [{ url: `${SITE}/img/a.jpg`, alt: 'Velayati in Moscow', credit: 'Tasnim' }] }));
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['@id']).toBe(`${SITE}/articles/2018/07/velayati/#article`);
    expect(ld.datePublished).toBe('2018-07-12T09:30:00.000Z');
    // Written as 2018-07-14, without a time: no midnight UTC is made up.
    expect(ld.dateModified).toBe('2018-07-14');
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'Jane Doe' }]);
    expect(ld.image).toEqual([{ '@type': 'ImageObject', url: `${SITE}/img/a.jpg`, caption: 'Velayati in Moscow', creditText: 'Tasnim' }]);
    expect(ld.mainEntityOfPage).toEqual({ '@id': `${SITE}/articles/2018/07/velayati/#webpage` });
    expect(ld.dateline).toBe('TEHRAN');
  });

  it('names the original publisher as publisher and source, and the story it is based on', () => {
    const ld = article(facts());
    const tasnim = { '@type': 'Organization', name: 'Tasnim News Agency', url: 'https://www.tasnimnews.com' };
    expect(ld.publisher).toEqual(tasnim);
    expect(ld.sourceOrganization).toEqual(tasnim);
    expect(ld.isBasedOn).toBe('https://www.tasnimnews.com/en/news/2018/07/12/1779645/x');
    expect(ld.author).toEqual([tasnim]);
  });

  it("falls back to the site's publisher node without a source, and leaves absent fields out", () => {
    const ld = article(facts({ source: undefined, corrections: [], dateline: undefined }));
    expect(ld.publisher).toEqual({ '@id': `${SITE}/#publisher` });
    for (const key of ['sourceOrganization', 'isBasedOn', 'author', 'image', 'correction', 'dateline']) expect(ld).not.toHaveProperty(key);
  });

  it('is about its topics and mentions entity nodes by ids that are not page URLs, each node defined once', () => {
    const [ld, ...things] = newsArticleNodes(facts()) as Node[];
    expect(ld!.about).toEqual([{ '@id': `${SITE}/topics/iran-russia-relations/#topic` }]);
    expect(ld!.mentions).toEqual([
      { '@id': `${SITE}/people/ali-akbar-velayati/#person` },
      { '@id': `${SITE}/organizations/united-nations/#organization` },
      { '@id': `${SITE}/countries/ir/#country` },
    ]);
    expect(things.map((t) => [t['@type'], t['@id']])).toEqual([
      ['Thing', `${SITE}/topics/iran-russia-relations/#topic`],
      ['Person', `${SITE}/people/ali-akbar-velayati/#person`],
      ['Country', `${SITE}/countries/ir/#country`],
      ['Organization', `${SITE}/organizations/united-nations/#organization`],
    ]);
  });

  it('has one CorrectionComment per correction, newest first', () => {
    expect(article(facts()).correction).toEqual([
      { '@type': 'CorrectionComment', text: 'The meeting was on Thursday, not Friday.', datePublished: '2018-07-15' },
      { '@type': 'CorrectionComment', text: 'An earlier version misspelt the envoy’s name.', datePublished: '2018-07-13T08:00:00.000Z' },
    ]);
  });
});

describe('entity nodes', () => {
  it('a person with role, other spellings and nationality pointing at the country node', () => {
    const [person, country] = entityNodes({ ...velayati, role: 'Adviser', aliases: ['Velayati'] }) as Node[];
    expect(person).toMatchObject({ '@type': 'Person', '@id': `${SITE}/people/ali-akbar-velayati/#person`, url: `${SITE}/people/ali-akbar-velayati/`, jobTitle: 'Adviser', alternateName: ['Velayati'] });
    expect(person!.nationality).toEqual({ '@id': `${SITE}/countries/ir/#country` });
    expect(country).toMatchObject({ '@type': 'Country', '@id': `${SITE}/countries/ir/#country`, identifier: 'IR' });
  });

  it('an organization with its short name and website, an event with dates at their precision', () => {
    const [org] = entityNodes({ kind: 'organizations', url: `${SITE}/organizations/un/`, name: 'United Nations', aliases: ['UN'], website: 'https://www.un.org/' }) as Node[];
    expect(org).toMatchObject({ '@type': 'Organization', alternateName: ['UN'], sameAs: 'https://www.un.org/' });
    const [event] = entityNodes({ kind: 'events', url: `${SITE}/events/jcpoa/`, name: 'JCPOA', start: '2015', end: '2018-05' }) as Node[];
    expect(event).toMatchObject({ '@type': 'Event', '@id': `${SITE}/events/jcpoa/#event`, startDate: '2015', endDate: '2018-05' });
  });
});

describe('a page graph', () => {
  it('has the site with its SearchAction, the publisher, the page, breadcrumbs below home, and its list', () => {
    const graph = pageGraph({ site, url: `${SITE}/people/`, name: 'People', description: 'd', lang: 'en', items: [{ name: 'A', url: `${SITE}/people/a/` }], offset: 20 });
    const nodes = graph['@graph'] as unknown as Node[];
    expect(nodes.map((n) => n['@type'])).toEqual(['WebSite', 'Organization', 'CollectionPage', 'BreadcrumbList', 'ItemList']);
    expect(nodes[0]!.potentialAction).toMatchObject({ '@type': 'SearchAction', target: { urlTemplate: `${SITE}/search/?q={search_term_string}` }, 'query-input': 'required name=search_term_string' });
    expect(nodes[2]).toMatchObject({ '@id': `${SITE}/people/#webpage`, mainEntity: { '@id': `${SITE}/people/#items` }, breadcrumb: { '@id': `${SITE}/people/#breadcrumb` } });
    expect((nodes[3]!.itemListElement as Node[]).map((i) => i.item)).toEqual([`${SITE}/`, `${SITE}/people/`]);
    expect((nodes[4]!.itemListElement as Node[])[0]).toEqual({ '@type': 'ListItem', position: 21, name: 'A', url: `${SITE}/people/a/` });
  });

  it('a lead picture\'s crops are one ImageObject each, with their size and the caption rather than the alt text', () => {
    const crops = [[1200, 675], [1200, 900], [900, 900]].map(([width, height]) => ({ url: `${SITE}/_astro/lead_${width}x${height}.jpg`, alt: 'Velayati', caption: 'At the airport', credit: 'AP', width, height }));
    expect(article(facts({ images: crops })).image).toEqual(crops.map((c) => ({
      '@type': 'ImageObject', url: c.url, width: c.width, height: c.height, caption: 'At the airport', creditText: 'AP',
    })));
  });

  it('the publisher has the site\'s logo, with its size, when one is set', () => {
    const logo = { url: `${SITE}/logo.png`, width: 512, height: 512 };
    const nodes = pageGraph({ site: { ...site, logo }, url: `${SITE}/`, name: 'Chronicle', description: 'd', lang: 'en' })['@graph'] as unknown as Node[];
    expect(nodes[1]).toMatchObject({ '@type': 'Organization', logo: { '@type': 'ImageObject', url: logo.url, width: 512, height: 512 } });
  });

  it('the home page has no breadcrumbs', () => {
    const nodes = pageGraph({ site, url: `${SITE}/`, name: 'Chronicle', description: 'd', lang: 'en' })['@graph'] as unknown as Node[];
    expect(nodes.map((n) => n['@type'])).toEqual(['WebSite', 'Organization', 'WebPage']);
  });
});

describe('serializeJsonLd', () => {
  const hostile = '</script><script>alert(1)</script> "quotes" & <b> <!-- \u2028\u2029';

  it('cannot end the script block or open a comment, whatever a field holds', () => {
    const out = serializeJsonLd(newsArticleNodes(facts({ headline: hostile })));
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out.toLowerCase()).not.toContain('</script');
    expect(out).toContain('\\u003c/script\\u003e');
  });

  it('reads back to exactly the original text', () => {
    const value = { headline: hostile, nested: [{ text: 'a & b > c' }] };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
  });
});
