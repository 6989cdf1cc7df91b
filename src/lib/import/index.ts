/**
 * import: bringing an existing archive in (`npm run import`).
 *
 * Reads a WordPress export, an RSS or Atom feed, or a Hugo or Jekyll folder,
 * converts each post's HTML or Markdown into a Chronicle article, keeps old
 * addresses as aliases, and writes ordinary content files that authors then
 * own, with a report of what needs a person.
 *
 * May import: core, schemas, content, authoring.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
