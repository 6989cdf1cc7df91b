/**
 * `virtual:chronicle/project`: where the project and its content folder are,
 * for page code. Bundled page code cannot find the project from its own URL,
 * and the working directory may be elsewhere (`astro build --root …`), so the
 * integration that knows Astro's `config.root` hands them over as a module.
 */
import type { Plugin } from 'vite';

export const PROJECT_MODULE = 'virtual:chronicle/project';
const RESOLVED = `\0${PROJECT_MODULE}`;

export function projectModule(project: { root: string; contentDir: string }): Plugin {
  return {
    name: 'chronicle-project',
    resolveId: (id) => (id === PROJECT_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED
      ? `export const root = ${JSON.stringify(project.root)};\nexport const contentDir = ${JSON.stringify(project.contentDir)};\n`
      : undefined),
  };
}
