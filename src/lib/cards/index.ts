/**
 * cards: share cards, the 1200×630 pictures a link preview shows for a page
 * without a picture of its own.
 *
 * Node-only: the layout of a card (section, headline, date and dateline, site
 * name) in the site's self-hosted faces, painted with @napi-rs/canvas (Skia,
 * with HarfBuzz shaping and the bidi algorithm, so Persian is joined and
 * ordered as a browser would), and a disk cache keyed by what the card shows
 * and by the code and fonts that draw it.
 *
 * May import: core, build.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
