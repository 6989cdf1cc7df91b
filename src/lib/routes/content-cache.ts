/**
 * Route data built once and kept until content changes. A build's content
 * never changes, so a build computes each value once. The dev server sends
 * server modules Astro's `astro:content-changed` event after its content
 * layer has taken in an edited file; the value is then forgotten and built
 * again on the next request, instead of on every call.
 */
export function contentCache<T>(build: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  const hot = import.meta.hot;
  hot?.on('astro:content-changed', () => {
    cached = undefined;
  });
  return () => {
    // A dev server that cannot say when content changes: build again on every call, as safe as it is slow.
    if (import.meta.env.DEV && !hot) cached = undefined;
    cached ??= build();
    return cached;
  };
}
