/**
 * build: Node-only plumbing of a build.
 *
 * Git's dates for content files, the content store's module, deployment settings (site and
 * base path), source fingerprints, the dev server's watcher that reads every save of a
 * content file (settled-watcher.ts), the guard that stops a build when a file's Markdown
 * fails to render (render-failures.ts), the font provider for Astro's Fonts API
 * (fontsource-files.ts), and the publisher-logo setting's check (logo-setting.ts).
 *
 * May import: nothing else in src/.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
