/**
 * core: the vocabulary every stage shares.
 *
 * Partial dates, languages and their direction, countries, ids, the registry of content kinds,
 * URLs, interface strings in each language, dates set in a page's language. Plain functions and
 * data, safe in the browser: the search page's script uses them too.
 *
 * May import: nothing else in src/.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
