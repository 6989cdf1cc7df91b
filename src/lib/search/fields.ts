/**
 * What the search index knows about an article besides its text: the facets
 * readers filter by, the metadata a result shows and the key results sort by.
 * The article page writes these into its HTML (`data-pagefind-*`), so the
 * built site and the dev server index exactly the same thing.
 */
import type { ArticleSummary } from '../model/archive.ts';
import { primaryLanguage } from '../core/language.ts';

/** The facets of the search page, in the order they are shown and written to URLs. */
export const FACETS = ['topic', 'person', 'organization', 'country', 'year', 'language', 'source', 'speaker', 'tag'] as const;
export type Facet = (typeof FACETS)[number];

/** The one sort key pages carry: their publication moment. */
export const SORT_KEY = 'date';

export interface ArticleSearchFields {
  filters: Record<Facet, string[]>;
  /** Shown with a result; `title` comes from the page's h1. */
  meta: { date: string; standfirst: string; dateline?: string };
  sort: Record<typeof SORT_KEY, string>;
}

/**
 * Facet values are ids where the site has ids (so URLs read `topic=jcpoa`),
 * lower-case ISO codes for countries (as in country URLs), the UTC year, the
 * primary language subtag, the source's name and the article's tags as written.
 */
export function articleSearchFields(article: ArticleSummary): ArticleSearchFields {
  // An ISO string sorts the same way as the moment it names.
  const moment = article.pubDate.toISOString();
  return {
    filters: {
      topic: [...article.topics],
      person: [...article.people],
      organization: [...article.organizations],
      country: article.countries.map((code) => code.toLowerCase()),
      year: [String(article.pubDate.getUTCFullYear())],
      language: [primaryLanguage(article.lang)],
      source: article.source ? [article.source.name] : [],
      // Person ids of those quoted: each quotation in the body carries `data-pagefind-filter="speaker:<id>"` itself.
      speaker: [],
      tag: [...(article.data.tags ?? [])],
    },
    meta: {
      date: moment,
      standfirst: article.description,
      ...(article.dateline ? { dateline: article.dateline } : {}),
    },
    sort: { [SORT_KEY]: moment },
  };
}
