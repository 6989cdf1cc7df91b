import { fa } from './fa.ts';
import { ru } from './ru.ts';
import { primaryLanguage } from '../language.ts';

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
  // The search page ({n}, {q} are filled in by its script).
  searchTitle: 'Search',
  searchIntro: 'Every article, and the people, organizations, topics, events and countries they name.',
  searchSort: 'Sort',
  sortRelevance: 'Best match',
  sortNewest: 'Newest first',
  sortOldest: 'Oldest first',
  searchRefine: 'Refine',
  searchResults: 'Results',
  facetTopic: 'Topic',
  facetPerson: 'Person',
  facetOrganization: 'Organization',
  facetCountry: 'Country',
  facetYear: 'Year',
  facetLanguage: 'Language',
  facetSource: 'Source',
  facetSpeaker: 'Quoted',
  searchResultsOne: '1 result for “{q}”',
  searchResultsMany: '{n} results for “{q}”',
  searchResultsNone: 'No results for “{q}”. Try fewer words or another spelling.',
  searchFilteredOne: '1 article matches these filters',
  searchFilteredMany: '{n} articles match these filters',
  searchFilteredNone: 'No articles match these filters.',
  searchPrompt: 'Type a word or a name, then choose filters to narrow the results.',
  searchSearching: 'Searching…',
  searchPartial: 'Searching the other languages… {n} results for “{q}” so far.',
  searchPartialFailed: 'The other languages could not be searched; these results are in one language only.',
  searchNoScript: 'Search runs in your browser and needs JavaScript. Without it, browse the topics or the archive.',
  searchShowMore: 'Show more results',
  searchAllValues: 'Show all {n}',
  searchFewerValues: 'Show fewer',
  searchClear: 'Clear filters',
  searchFailed: 'Search could not be loaded. Reload the page to try again.',
  searchKeys: 'Press / or Ctrl+K to search; ↑ and ↓ move through the results.',
  searchSlashOff: 'Turn off the / shortcut',
  searchSlashOn: 'Turn on the / shortcut',
  searchDatesOnlyArticles: 'Sorting by date lists articles only.',
  searchOtherLanguages: 'Search in other languages',
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
  // Quote ledger ({n}, {name}, {topic} are filled in by the page).
  quotes: 'Quotes',
  quotesIntro: 'Who said what, and when: every attributed quotation in the archive, newest first.',
  quotesBy: '{name}: quotes',
  quotesByIntro: 'What {name} said, as the archive reported it, newest first.',
  quotesOn: 'Quotes on {topic}',
  quotesOnIntro: 'Everyone quoted in articles on {topic}, newest first.',
  quotesNone: 'No attributed quotations yet.',
  quotesAll: 'All {n} quotes',
  quoteCount: '{n} quotes',
  quoteCountOne: '1 quote',
  whoWasQuoted: 'Who was quoted',
  quotedIn: 'in',
  quotedMore: 'and {n} more people',
  // Timelines, archive and "On this day" ({n}, {date}… are filled in by the page).
  timeline: 'Timeline',
  timelineIntro: 'Everything the archive records, in the order it happened: events, and the articles that reported them.',
  timelineYearIntro: 'Events and articles of {year}, month by month.',
  timelineOf: '{name}: timeline',
  timelineEntityIntro: 'Events and articles on {name}, oldest first.',
  timelineByYear: 'The timeline has {n} entries; it is shown a few years to a page, each year linked below.',
  timelineEmpty: 'Nothing on this timeline yet.',
  timelineFull: 'Full timeline',
  timelineContext: 'This article’s events among the nearest events of {topic}.',
  timelineMore: 'Showing {shown} of {total} entries.',
  year: 'Year',
  years: 'Years',
  months: 'Months',
  entries: 'Entries',
  article: 'Article',
  thisArticle: 'This article',
  reportedIn: 'Reported in',
  andMore: '{n} more',
  yearOnly: 'month not recorded',
  densityMonthly: 'Events and articles per month',
  densityYearly: 'Events and articles per year',
  densitySummary: '{label}, {from} to {to}; busiest: {busiest} ({n}).',
  densityYearOnly: 'Not drawn: entries dated only to a year ({n}); they count in the year totals.',
  densityPeak: 'Tallest bar: {n}',
  onThisDay: 'On this day',
  onThisDayFor: 'Computed for {date}, the day this site was built.',
  onThisDayNone: 'Nothing in the archive happened on this day in earlier years.',
  onThisDayMore: '{shown} of {total} shown.',
  mentionedWith: 'Often mentioned with',
  archiveIntro: 'Every article, by year and month.',
  archiveYearIntro: 'The articles of {year}, month by month.',
  earlier: 'Earlier',
  later: 'Later',
  // News standards: corrections, page facts, feeds, moved pages ({n}, {name} filled in by the page).
  corrections: 'Corrections',
  lastUpdated: 'Last updated',
  editThisPage: 'Edit this page',
  pageHistory: 'Page history',
  minutesToRead: '{n} min read',
  relatedArticles: 'Related articles',
  feedOf: '{name}: RSS feed',
  siteFeed: 'RSS feed of the latest articles',
  movedTitle: 'This article has moved',
  movedText: 'It is now at:',
  // Languages: links between an article and its translations.
  inOtherLanguages: 'In other languages',
  originalVersion: 'original',
} as const;

export type UiKey = keyof typeof en;
export type UiStrings = Record<UiKey, string>;

const translations: Record<string, Partial<UiStrings>> = { en };
/** Each language's merged strings, made once: pages call ui() many times each. */
const merged = new Map<string, UiStrings>();

/** Registers a language's strings (the languages module adds Persian and Russian). */
function addTranslations(lang: string, strings: Partial<UiStrings>) {
  translations[lang] = { ...translations[lang], ...strings };
  merged.clear();
}

addTranslations('fa', fa);
addTranslations('ru', ru);

/** The languages with interface strings of their own besides English (`fa`, `ru`): each gets its own search page. */
export function translatedLanguages(): string[] {
  return Object.keys(translations).filter((lang) => lang !== 'en').sort();
}

export function ui(lang = 'en'): UiStrings {
  const primary = primaryLanguage(lang);
  let strings = merged.get(primary);
  if (!strings) merged.set(primary, (strings = Object.freeze({ ...en, ...translations[primary] })));
  return strings;
}
