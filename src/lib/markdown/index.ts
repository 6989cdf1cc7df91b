/**
 * markdown: plugins of the Markdown and MDX renderer.
 *
 * The quotation plugin (attributed quotations as figures) and class-based code highlighting.
 *
 * May import: core, content.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
