import { describe, expect, it } from 'vitest';
import { relatedArticles, type RelatedArticle, type RelatedIndex } from '../../src/lib/related.ts';

type Spec = Partial<Omit<RelatedArticle, 'pubDate'>> & { id: string; date: string };

/** Builds the archive's indexes the way src/lib/archive.ts does: entity → article ids, newest first. */
function indexOf(specs: Spec[], byId: Map<string, RelatedArticle> = new Map()): RelatedIndex {
  const articles = specs.map((s) => ({
    id: s.id, pubDate: new Date(s.date), topics: s.topics ?? [], people: s.people ?? [], organizations: s.organizations ?? [], countries: s.countries ?? [],
  })).sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.id.localeCompare(b.id));
  const topics = new Map<string, { articles: string[] }>();
  const people = new Map<string, { articles: string[] }>();
  const organizations = new Map<string, { articles: string[] }>();
  const countries = new Map<string, { articles: string[] }>();
  const add = (map: Map<string, { articles: string[] }>, key: string, id: string) => {
    if (!map.has(key)) map.set(key, { articles: [] });
    map.get(key)!.articles.push(id);
  };
  for (const a of articles) {
    byId.set(a.id, a);
    a.topics.forEach((t) => add(topics, t, a.id));
    a.people.forEach((p) => add(people, p, a.id));
    a.organizations.forEach((o) => add(organizations, o, a.id));
    a.countries.forEach((c) => add(countries, c.toLowerCase(), a.id));
  }
  return { articleById: byId, topics, people, organizations, countries };
}

const ids = (list: RelatedArticle[]) => list.map((a) => a.id);

describe('relatedArticles', () => {
  const index = indexOf([
    { id: 'subject', date: '2018-07-12', topics: ['jcpoa', 'russia'], people: ['velayati', 'putin'], countries: ['IR', 'RU'] },
    { id: 'four-shared', date: '2018-07-01', topics: ['jcpoa', 'russia'], people: ['velayati', 'putin'] },
    { id: 'three-shared', date: '2018-06-01', topics: ['jcpoa'], people: ['velayati'], countries: ['IR'] },
    { id: 'person-only', date: '2018-05-01', topics: ['other'], people: ['velayati'] },
    { id: 'country-only', date: '2018-07-11', topics: ['other'], countries: ['IR'] },
    { id: 'russia-only', date: '2018-07-10', topics: ['russia'] },
    { id: 'unrelated', date: '2018-07-12', topics: ['other'], people: ['someone'] },
    ...Array.from({ length: 6 }, (_, i) => ({ id: `filler-${i}`, date: `2017-0${i + 1}-01`, topics: ['other'], countries: ['IR'] })),
  ]);

  it('ranks by shared entities and topics, best first, at most five, never itself or an unrelated one', () => {
    const related = ids(relatedArticles(index, 'subject'));
    expect(related).toHaveLength(5);
    expect(related.slice(0, 2)).toEqual(['four-shared', 'three-shared']);
    expect(related).not.toContain('subject');
    expect(related).not.toContain('unrelated');
  });

  it('weighs a shared rare person above a shared common country', () => {
    // velayati has 4 articles, IR has 10: sharing velayati says more.
    const related = ids(relatedArticles(index, 'subject', { limit: 20 }));
    expect(related.indexOf('person-only')).toBeLessThan(related.indexOf('country-only'));
  });

  it('breaks ties by closeness in time', () => {
    const related = ids(relatedArticles(index, 'subject', { limit: 20 }));
    const fillers = related.filter((id) => id.startsWith('filler-'));
    expect(fillers).toEqual(['filler-5', 'filler-4', 'filler-3', 'filler-2', 'filler-1', 'filler-0']);
  });

  it('matches countries whatever their case in the index', () => {
    expect(ids(relatedArticles(index, 'country-only', { limit: 20 }))).toContain('subject');
  });

  it('returns nothing for an unknown article or an article sharing nothing', () => {
    expect(relatedArticles(index, 'missing')).toEqual([]);
    expect(relatedArticles(indexOf([{ id: 'a', date: '2018-01-01', topics: ['x'] }, { id: 'b', date: '2018-01-02', topics: ['y'] }]), 'a')).toEqual([]);
  });

  it('looks only at neighbours in time inside a huge entity, not at every article', () => {
    let lookups = 0;
    const counting = new (class extends Map<string, RelatedArticle> {
      override get(key: string) { lookups += 1; return super.get(key); }
    })();
    const specs: Spec[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `a${String(i).padStart(5, '0')}`, date: new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString(), topics: ['huge'],
    }));
    specs.push({ id: 'pair', date: '2000-06-01T00:00:00Z', topics: ['huge'], people: ['rare'] });
    specs.push({ id: 'subject', date: '2000-06-01T00:30:00Z', topics: ['huge'], people: ['rare'] });
    const huge = indexOf(specs, counting);
    lookups = 0;
    const related = relatedArticles(huge, 'subject', { window: 50 });
    expect(ids(related)[0]).toBe('pair');
    expect(related).toHaveLength(5);
    // Binary search plus a window of 50 each side: a few hundred lookups, not 20,000.
    expect(lookups).toBeLessThan(400);
  });
});
