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

/** Newest first, then by id: the order every entity list is kept in. */
function before(a: RelatedArticle, b: RelatedArticle): boolean {
  const t = b.pubDate.getTime() - a.pubDate.getTime();
  return t < 0 || (t === 0 && a.id < b.id);
}

/** Position of `article` in a newest-first list, by binary search. */
function positionIn(list: readonly string[], article: RelatedArticle, byId: ReadonlyMap<string, RelatedArticle>): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const other = byId.get(list[middle]!);
    if (other && before(other, article)) low = middle + 1;
    else high = middle;
  }
  return low;
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

  const scores = new Map<string, number>();
  for (const { articles } of lists) {
    const weight = 1 / Math.log2(1 + articles.length);
    const at = positionIn(articles, article, index.articleById);
    const from = Math.max(0, at - window);
    const to = Math.min(articles.length, at + window + 1);
    for (let i = from; i < to; i += 1) {
      const other = articles[i]!;
      if (other !== id) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  }

  const time = article.pubDate.getTime();
  type Ranked = { article: A; score: number; distance: number };
  const order = (a: Ranked, b: Ranked) => b.score - a.score || a.distance - b.distance
    || b.article.pubDate.getTime() - a.article.pubDate.getTime() || a.article.id.localeCompare(b.article.id);
  // Only the best `limit` are kept, in order, instead of sorting every candidate:
  // an article on a large topic has hundreds of them, and every article page asks.
  const best: Ranked[] = [];
  for (const [otherId, score] of scores) {
    if (best.length === limit && score < best[limit - 1]!.score) continue;
    const other = index.articleById.get(otherId);
    if (!other) continue;
    const candidate = { article: other, score, distance: Math.abs(other.pubDate.getTime() - time) };
    if (best.length === limit && order(candidate, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(candidate, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map((entry) => entry.article);
}
