/**
 * build: Node-only plumbing of a build.
 *
 * Git's dates for content files, the content store's module, deployment settings (site and
 * base path). Depends on nothing else in src/.
 *
 * May import: nothing else in src/.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
