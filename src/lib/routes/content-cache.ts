/** What the dev server's module runner gives a module as `import.meta.hot`, as far as this file uses it. */
interface HotChannel {
  on(event: 'astro:content-changed', listener: () => void): void;
}

/**
 * A count of the content changes the dev server has announced: Astro sends
 * server modules `astro:content-changed` once its content layer has taken in
 * an edited file. One listener for the whole module, not one per cache: every
 * time the dev server evaluates a route module again it makes new caches, and
 * a listener per cache kept each old cache (and the archive it held) alive
 * for as long as the server ran.
 */
export function changeCounter(hot: HotChannel | undefined): () => number {
  let changes = 0;
  hot?.on('astro:content-changed', () => {
    changes += 1;
  });
  return () => changes;
}

/**
 * `build`, run once and kept until `changes()` moves on. A change announced
 * while a build is still running makes the next call build again, so a build
 * that read the content before the change is never kept after it.
 */
export function cachedUntilChange<T>(build: () => Promise<T>, changes: () => number): () => Promise<T> {
  let cached: Promise<T> | undefined;
  let builtAt = -1;
  return () => {
    const now = changes();
    if (now !== builtAt) {
      builtAt = now;
      cached = undefined;
    }
    cached ??= build();
    return cached;
  };
}

const contentChanges = changeCounter(import.meta.hot);

/**
 * Route data built once and kept until content changes. A build's content
 * never changes, so a build computes each value once; under the dev server the
 * value is built again on the first request after a change.
 */
export function contentCache<T>(build: () => Promise<T>): () => Promise<T> {
  // A dev server that cannot say when content changes: build again on every call, as safe as it is slow.
  if (import.meta.env.DEV && !import.meta.hot) return build;
  return cachedUntilChange(build, contentChanges);
}
