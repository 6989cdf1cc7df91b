/**
 * model: the archive, computed once from valid entries.
 *
 * Article summaries and entity records, timelines by year and by entity, the quote ledger,
 * related articles, co-mentions, translations, the topic tree, "on this day". Pure functions
 * over plain data, indexed once so that no page scans the archive.
 *
 * May import: core, schemas, content.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
