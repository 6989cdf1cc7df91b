/**
 * site: what pages publish beyond the model.
 *
 * Structured data (JSON-LD), feed items, the Content-Security-Policy, `_redirects`, sitemap
 * dates, repository links, the density charts of timelines.
 *
 * May import: core, model, search.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
