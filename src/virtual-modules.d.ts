/** Modules that Chronicle's integrations provide to page code (src/integrations/project-module.ts). */
declare module 'virtual:chronicle/project' {
  /** The project root, absolute. */
  export const root: string;
  /** The content folder (content/ or CHRONICLE_CONTENT_DIR), absolute. */
  export const contentDir: string;
}
declare module 'virtual:chronicle/cards' {
  /** Where share cards are drawn and kept between builds (in Astro's cache folder), absolute. */
  export const cardsDir: string;
  /** The digest of the code and packages that draw a card (src/lib/cards/cache.ts). */
  export const cardsVersion: string;
}
