/**
 * Interface strings, in one place. English is the default; other languages
 * fall back to it key by key.
 */
const en = {
  siteName: 'Chronicle',
  siteTagline: 'A news archive with timelines',
  skipToContent: 'Skip to content',
  primaryNav: 'Primary',
  navTopics: 'Topics',
  navTimeline: 'Timeline',
  navArchive: 'Archive',
  navPeople: 'People',
  navQuotes: 'Quotes',
  navGuide: 'Guide',
  searchLabel: 'Search the archive',
  searchPlaceholder: 'Search',
  searchButton: 'Search',
  topicTree: 'Topics',
  latest: 'Latest articles',
  onThisPage: 'On this page',
  published: 'Published',
  updated: 'Updated',
  source: 'Source',
  by: 'By',
  inThisArticle: 'In this article',
  topics: 'Topics',
  people: 'People',
  organizations: 'Organizations',
  countries: 'Countries',
  events: 'Events',
  previous: 'Previous',
  next: 'Next',
  olderInTopic: 'Older in',
  newerInTopic: 'Newer in',
  articles: 'Articles',
  noArticles: 'No articles yet.',
  page: 'Page',
  pagination: 'Pagination',
  newer: 'Newer',
  older: 'Older',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have moved; try the search or the archive.',
  breadcrumbs: 'Breadcrumbs',
  home: 'Home',
  role: 'Role',
  country: 'Country',
  website: 'Website',
  alsoKnownAs: 'Also known as',
  draft: 'Draft: shown only by the development server, never published.',
  footer: 'Chronicle is a static archive built from Markdown files in git.',
  allTopics: 'All topics',
  moreInArchive: 'Everything, by month, in the archive',
  date: 'Date',
} as const;

export type UiKey = keyof typeof en;
export type UiStrings = Record<UiKey, string>;

const translations: Record<string, Partial<UiStrings>> = { en };

/** Registers a language's strings (the languages module adds Persian and Russian). */
export function addTranslations(lang: string, strings: Partial<UiStrings>) {
  translations[lang] = { ...translations[lang], ...strings };
}

export function ui(lang = 'en'): UiStrings {
  const primary = lang.split('-')[0]!.toLowerCase();
  return { ...en, ...translations[primary] };
}
