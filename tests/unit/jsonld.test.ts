import { describe, expect, it } from 'vitest';
import {
  countryJsonLd, newsArticleJsonLd, organizationJsonLd, personJsonLd, serializeJsonLd, type ArticleFacts,
} from '../../src/lib/site/jsonld.ts';

const SITE = 'https://news.example.org';

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
    topics: [{ name: 'Iran–Russia relations', url: `${SITE}/topics/iran-russia-relations/` }],
    people: [{ name: 'Ali Akbar Velayati', url: `${SITE}/people/ali-akbar-velayati/` }],
    organizations: [{ name: 'United Nations', url: `${SITE}/organizations/united-nations/` }],
    countries: [{ name: 'Iran', code: 'ir', url: `${SITE}/countries/ir/` }],
    corrections: [
      { date: new Date('2018-07-13T08:00:00Z'), text: 'An earlier version misspelt the envoy’s name.' },
      { date: new Date('2018-07-15T08:00:00Z'), text: 'The meeting was on Thursday, not Friday.' },
    ],
    site: { name: 'Chronicle', url: `${SITE}/` },
    ...overrides,
  };
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('NewsArticle JSON-LD', () => {
  it('carries what Google recommends, with time-zoned ISO dates', () => {
    const ld = newsArticleJsonLd(facts({ authors: ['Jane Doe'], image: { url: `${SITE}/img/a.jpg`, alt: 'Velayati in Moscow', credit: 'Tasnim' } }));
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('Iran-Russia Ties Strategic: Velayati');
    expect(ld.datePublished).toBe('2018-07-12T09:30:00.000Z');
    expect(ld.dateModified).toMatch(ISO_WITH_ZONE);
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'Jane Doe' }]);
    expect(ld.image).toEqual([{ '@type': 'ImageObject', url: `${SITE}/img/a.jpg`, caption: 'Velayati in Moscow', creditText: 'Tasnim' }]);
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${SITE}/articles/2018/07/velayati/` });
    expect(ld.inLanguage).toBe('en');
    expect(ld.dateline).toBe('TEHRAN');
  });

  it('names the original publisher as publisher and source, and the story it is based on', () => {
    const ld = newsArticleJsonLd(facts());
    const tasnim = { '@type': 'Organization', name: 'Tasnim News Agency', url: 'https://www.tasnimnews.com' };
    expect(ld.publisher).toEqual(tasnim);
    expect(ld.sourceOrganization).toEqual(tasnim);
    expect(ld.isBasedOn).toBe('https://www.tasnimnews.com/en/news/2018/07/12/1779645/x');
    // No byline: the agency is the author.
    expect(ld.author).toEqual([tasnim]);
  });

  it('falls back to the archive as publisher without a source, and leaves absent fields out', () => {
    const ld = newsArticleJsonLd(facts({ source: undefined, corrections: [], dateline: undefined }));
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: 'Chronicle', url: `${SITE}/` });
    for (const key of ['sourceOrganization', 'isBasedOn', 'author', 'image', 'correction', 'dateline']) expect(ld).not.toHaveProperty(key);
  });

  it('is about its topics and mentions its people, organizations and countries', () => {
    const ld = newsArticleJsonLd(facts());
    expect(ld.about).toEqual([{ '@type': 'Thing', '@id': `${SITE}/topics/iran-russia-relations/`, name: 'Iran–Russia relations', url: `${SITE}/topics/iran-russia-relations/` }]);
    expect((ld.mentions as { '@type': string; name: string }[]).map((m) => [m['@type'], m.name])).toEqual([
      ['Person', 'Ali Akbar Velayati'], ['Organization', 'United Nations'], ['Country', 'Iran'],
    ]);
    expect((ld.mentions as { identifier?: string }[])[2]!.identifier).toBe('IR');
  });

  it('has one CorrectionComment per correction, newest first', () => {
    const ld = newsArticleJsonLd(facts());
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'The meeting was on Thursday, not Friday.', datePublished: '2018-07-15T08:00:00.000Z' },
      { '@type': 'CorrectionComment', text: 'An earlier version misspelt the envoy’s name.', datePublished: '2018-07-13T08:00:00.000Z' },
    ]);
  });
});

describe('entity JSON-LD', () => {
  const iran = { name: 'Iran', code: 'ir', url: `${SITE}/countries/ir/` };

  it('describes a person with role, other spellings and nationality', () => {
    const ld = personJsonLd({ url: `${SITE}/people/v/`, name: 'Ali Akbar Velayati', role: 'Adviser', aliases: ['Velayati'], country: iran });
    expect(ld).toMatchObject({ '@type': 'Person', name: 'Ali Akbar Velayati', jobTitle: 'Adviser', alternateName: ['Velayati'] });
    expect(ld.nationality).toMatchObject({ '@type': 'Country', name: 'Iran', identifier: 'IR' });
    expect(ld).not.toHaveProperty('description');
  });

  it('describes an organization with its short name and website', () => {
    const ld = organizationJsonLd({ url: `${SITE}/organizations/un/`, name: 'United Nations', shortName: 'UN', website: 'https://www.un.org/' });
    expect(ld).toMatchObject({ '@type': 'Organization', name: 'United Nations', alternateName: 'UN', sameAs: ['https://www.un.org/'] });
  });

  it('describes a country as a Country (a Place) with its ISO code', () => {
    expect(countryJsonLd({ ...iran, description: 'A country in West Asia.' }))
      .toMatchObject({ '@type': 'Country', name: 'Iran', identifier: 'IR', description: 'A country in West Asia.' });
  });
});

describe('serializeJsonLd', () => {
  const hostile = '</script><script>alert(1)</script> "quotes" & <b> <!-- \u2028\u2029';

  it('cannot end the script block or open a comment, whatever a field holds', () => {
    const out = serializeJsonLd(newsArticleJsonLd(facts({ headline: hostile })));
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out.toLowerCase()).not.toContain('</script');
    expect(out).toContain('\\u003c/script\\u003e');
  });

  it('reads back to exactly the original text', () => {
    const value = { headline: hostile, nested: [{ text: 'a & b > c' }] };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
  });
});
