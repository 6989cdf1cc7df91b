import { describe, expect, it } from 'vitest';
import { relatedArticles, type RelatedArticle, type RelatedIndex } from '../../src/lib/model/related.ts';

type Spec = Partial<Omit<RelatedArticle, 'pubDate'>> & { id: string; date: string };

/** Builds the archive's indexes the way src/lib/model/archive.ts does: entity → article ids, newest first. */
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

/** The definition, the slow way: scores summed in a map keyed by id, every candidate sorted. */
function relatedByDefinition(index: RelatedIndex, id: string, limit: number, window: number): string[] {
  const article = index.articleById.get(id)!;
  const lists = [
    ...article.topics.map((t) => index.topics.get(t)), ...article.people.map((p) => index.people.get(p)),
    ...article.organizations.map((o) => index.organizations.get(o)), ...article.countries.map((c) => index.countries.get(c.toLowerCase())),
  ].filter((list) => list !== undefined && list.articles.length > 1);
  const scores = new Map<string, number>();
  for (const { articles } of lists as { articles: string[] }[]) {
    const at = articles.filter((other) => {
      const a = index.articleById.get(other);
      return a !== undefined && (a.pubDate > article.pubDate || (a.pubDate.getTime() === article.pubDate.getTime() && a.id < id));
    }).length;
    articles.slice(Math.max(0, at - window), at + window + 1).forEach((other) => {
      if (other !== id && index.articleById.has(other)) scores.set(other, (scores.get(other) ?? 0) + 1 / Math.log2(1 + articles.length));
    });
  }
  const time = article.pubDate.getTime();
  return [...scores].map(([other, score]) => ({ a: index.articleById.get(other)!, score }))
    .sort((x, y) => y.score - x.score || Math.abs(x.a.pubDate.getTime() - time) - Math.abs(y.a.pubDate.getTime() - time)
      || y.a.pubDate.getTime() - x.a.pubDate.getTime() || x.a.id.localeCompare(y.a.id))
    .slice(0, limit).map(({ a }) => a.id);
}

describe('related articles over a generated archive', () => {
  it('are what the definition gives, for every article, window and limit', () => {
    let seed = 11;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const pick = (prefix: string, pool: number, most: number) => [...new Set(Array.from({ length: next(most + 1) }, () => `${prefix}${next(pool)}`))];
    const specs: Spec[] = Array.from({ length: 300 }, (_, i) => ({
      id: `a${i}`,
      // Few distinct days, so many articles share a date and the order falls back to ids.
      date: `2018-0${1 + next(9)}-1${next(10)}`,
      topics: pick('t', 6, 2), people: pick('p', 40, 3), organizations: pick('o', 15, 2), countries: pick('C', 5, 2),
    }));
    const index = indexOf(specs);
    // An id listed under a topic that is not an article (as a draft is not) is never a candidate.
    (index.topics.get('t0')?.articles as string[] | undefined)?.push('not-an-article');
    for (const [limit, window] of [[5, 100], [3, 4], [1, 1]] as const) {
      for (const { id } of specs) {
        expect(ids(relatedArticles(index, id, { limit, window })), `${id}, limit ${limit}, window ${window}`).toEqual(relatedByDefinition(index, id, limit, window));
      }
    }
  });
});
