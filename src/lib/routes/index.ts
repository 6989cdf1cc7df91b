/**
 * routes: route data, computed once and handed to pages.
 *
 * The one stage that talks to Astro's content layer (`astro:content`): the archive model and
 * quote ledger built from Astro's entries, git facts and edit links, cache keys for incremental
 * builds, static paths of paginated timelines, feeds. Pages read these; components get their
 * data from the page.
 *
 * May import: core, schemas, content, model, site, search, build, cards.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
