/**
 * Translation groups: an original article and every article whose
 * `translationOf` leads to it, directly or through another translation.
 * Computed once per build (in the archive model) so each article page looks
 * its group up instead of scanning every article.
 */

export interface TranslationMember {
  id: string;
  lang: string;
  /** True for the article the others translate. */
  original: boolean;
}

interface Translatable { id: string; lang: string; translationOf?: string | undefined }

/**
 * Maps each article that has a published translation or original to its
 * whole group (itself included), the original first, then by language tag.
 * Articles outside `articles` (drafts, on a production build) are left out;
 * two translations of an unpublished original still find each other.
 */
export function translationGroups(articles: readonly Translatable[]): Map<string, TranslationMember[]> {
  const byId = new Map(articles.map((a) => [a.id, a]));

  // The end of an article's translationOf chain; a cycle ends at its smallest id.
  const rootOf = (id: string): string => {
    const seen: string[] = [];
    let current = id;
    for (;;) {
      const next = byId.get(current)?.translationOf;
      if (next === undefined || next === current) return current;
      if (seen.includes(next)) return [...seen, current].sort()[0]!;
      seen.push(current);
      current = next;
    }
  };

  const members = new Map<string, string[]>();
  for (const article of articles) {
    const root = rootOf(article.id);
    members.set(root, [...(members.get(root) ?? []), article.id]);
  }

  const groups = new Map<string, TranslationMember[]>();
  for (const [root, ids] of members) {
    if (ids.length < 2) continue;
    const group = ids
      .map((id) => ({ id, lang: byId.get(id)!.lang, original: id === root }))
      .sort((a, b) => Number(b.original) - Number(a.original) || a.lang.localeCompare(b.lang) || a.id.localeCompare(b.id));
    for (const member of group) groups.set(member.id, group);
  }
  return groups;
}
