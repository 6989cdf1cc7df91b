/**
 * Related articles: the ones sharing the most topics, people, organizations
 * and countries with a given article.
 *
 * Candidates come from the archive's entity → articles index, never from
 * comparing every pair of articles. Lists are newest first, so for a very
 * large entity (a topic with 50,000 articles) only the articles nearest in
 * time are looked at: news is related to what happened around it, and the
 * work per article stays bounded however big the archive grows.
 */
import { firstIndexWhere } from '../core/sorted.ts';

export interface RelatedArticle {
  id: string;
  pubDate: Date;
  topics: readonly string[];
  people: readonly string[];
  organizations: readonly string[];
  /** Upper-case ISO codes. */
  countries: readonly string[];
}

interface Listed {
  /** Article ids, newest first. */
  articles: readonly string[];
}

/** The parts of the archive model related articles are computed from. */
export interface RelatedIndex<A extends RelatedArticle = RelatedArticle> {
  articleById: ReadonlyMap<string, A>;
  topics: ReadonlyMap<string, Listed>;
  people: ReadonlyMap<string, Listed>;
  organizations: ReadonlyMap<string, Listed>;
  /** Keyed by lower-case ISO code. */
  countries: ReadonlyMap<string, Listed>;
}

export interface RelatedOptions {
  /** How many to return. */
  limit?: number;
  /** How many neighbours in time to look at on each side within one entity's list. */
  window?: number;
}

/**
 * The index in numbers, built once per archive: every article gets an
 * ordinal, and each entity list becomes an array of ordinals. Scoring then
 * adds into a typed array instead of a map keyed by id strings, which on a
 * large archive was the costliest function of an article page (BENCHMARKS.md,
 * "What grows faster than linearly").
 */
interface Numbered<A extends RelatedArticle> {
  articles: A[];
  ordinalOf: Map<string, number>;
  times: Float64Array;
  /** Each entity list as ordinals (-1 for an id that is not an article), made on first use. */
  lists: WeakMap<Listed, Int32Array>;
  scores: Float64Array;
}

const numberedIndexes = new WeakMap<RelatedIndex<RelatedArticle>, Numbered<RelatedArticle>>();

function numbered<A extends RelatedArticle>(index: RelatedIndex<A>): Numbered<A> {
  let found = numberedIndexes.get(index) as Numbered<A> | undefined;
  if (!found) {
    const articles = [...index.articleById.values()];
    found = {
      articles,
      ordinalOf: new Map(articles.map((article, ordinal) => [article.id, ordinal])),
      times: Float64Array.from(articles, (article) => article.pubDate.getTime()),
      lists: new WeakMap(),
      scores: new Float64Array(articles.length),
    };
    numberedIndexes.set(index, found as unknown as Numbered<RelatedArticle>);
  }
  return found;
}

function ordinals<A extends RelatedArticle>(numbers: Numbered<A>, list: Listed): Int32Array {
  let found = numbers.lists.get(list);
  if (!found) {
    found = Int32Array.from(list.articles, (id) => numbers.ordinalOf.get(id) ?? -1);
    numbers.lists.set(list, found);
  }
  return found;
}

/** Position of the article numbered `self` in a newest-first list (newest first, then by id), by binary search. */
function positionIn<A extends RelatedArticle>(list: Int32Array, self: number, numbers: Numbered<A>): number {
  const time = numbers.times[self]!;
  const id = numbers.articles[self]!.id;
  return firstIndexWhere(list, (other) => {
    const t = other < 0 ? NaN : numbers.times[other]! - time;
    return !(t > 0 || (t === 0 && numbers.articles[other]!.id < id));
  });
}

/**
 * The `limit` articles sharing the most with `id`. Each shared entity counts
 * more the fewer articles it has (a shared person outweighs a shared large
 * country), so the score says how specific the overlap is. Ties go to the
 * article closer in time, then the newer one.
 */
export function relatedArticles<A extends RelatedArticle>(index: RelatedIndex<A>, id: string, options: RelatedOptions = {}): A[] {
  const { limit = 5, window = 100 } = options;
  const article = index.articleById.get(id);
  if (!article || limit <= 0) return [];
  const lists: Listed[] = [
    ...article.topics.map((t) => index.topics.get(t)),
    ...article.people.map((p) => index.people.get(p)),
    ...article.organizations.map((o) => index.organizations.get(o)),
    ...article.countries.map((c) => index.countries.get(c.toLowerCase())),
  ].filter((list): list is Listed => list !== undefined && list.articles.length > 1);

  const numbers = numbered(index);
  const self = numbers.ordinalOf.get(id)!;
  const { scores } = numbers;
  const touched: number[] = [];
  for (const list of lists) {
    const weight = 1 / Math.log2(1 + list.articles.length);
    const members = ordinals(numbers, list);
    const at = positionIn(members, self, numbers);
    const to = Math.min(members.length, at + window + 1);
    for (let i = Math.max(0, at - window); i < to; i += 1) {
      const other = members[i]!;
      if (other < 0 || other === self) continue;
      if (scores[other] === 0) touched.push(other);
      scores[other] = scores[other]! + weight;
    }
  }

  const time = article.pubDate.getTime();
  type Ranked = { article: A; score: number; distance: number };
  const order = (a: Ranked, b: Ranked) => b.score - a.score || a.distance - b.distance
    || b.article.pubDate.getTime() - a.article.pubDate.getTime() || a.article.id.localeCompare(b.article.id);
  // Only the best `limit` are kept, in order, instead of sorting every candidate:
  // an article on a large topic has hundreds of them, and every article page asks.
  const best: Ranked[] = [];
  for (const other of touched) {
    const score = scores[other]!;
    scores[other] = 0; // ready for the next article
    if (best.length === limit && score < best[limit - 1]!.score) continue;
    const candidate = { article: numbers.articles[other]!, score, distance: Math.abs(numbers.times[other]! - time) };
    if (best.length === limit && order(candidate, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(candidate, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map((entry) => entry.article);
}
