/** Modules that Chronicle's integrations provide to page code (src/integrations/project-module.ts). */
declare module 'virtual:chronicle/project' {
  /** The project root, absolute. */
  export const root: string;
  /** The content folder (content/ or CHRONICLE_CONTENT_DIR), absolute. */
  export const contentDir: string;
}
