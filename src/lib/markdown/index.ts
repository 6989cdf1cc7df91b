/**
 * markdown: plugins of the Markdown and MDX renderer.
 *
 * The quotation plugin (attributed quotations as figures) and class-based code highlighting;
 * MDX articles rendered to HTML when content loads, components and all (mdx-articles.ts).
 *
 * May import: core, content.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
