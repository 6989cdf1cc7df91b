/**
 * The project root as Astro's config knows it (`config.root`), handed from
 * the Chronicle integration to page code: Astro renders pages in the same
 * process, but bundled page code cannot locate the project from its own URL,
 * and the working directory may be elsewhere (`astro build --root …`).
 */
const SHARED = Symbol.for('chronicle.project-root');
type Slot = Record<symbol, string | undefined>;

export function shareProjectRoot(root: string): void {
  (globalThis as unknown as Slot)[SHARED] = root;
}

/** The root shared by the integration, or the working directory outside a build. */
export function projectRoot(): string {
  return (globalThis as unknown as Slot)[SHARED] ?? process.cwd();
}
