/**
 * search: shared by the indexer and the search page.
 *
 * The facets and fields a page carries for Pagefind, which pages are indexed, the index in
 * parts, spelling normalisation, the order languages are searched in, text fragments.
 * Safe in the browser (src/client/search/ uses it).
 *
 * May import: core, model.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
