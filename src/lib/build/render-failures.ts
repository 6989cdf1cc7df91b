import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Astro's glob loader catches an error thrown while it renders a Markdown
 * file, logs "Error rendering <file>: …" and stores the entry with no HTML
 * (`render` in node_modules/astro/dist/content/loaders/glob.js). A build would
 * then exit 0 and publish that article with an empty body. This wrapper
 * collects those reports (and "Error reading", a file it could not read and skips) and, in a build, fails the content sync with all of
 * them; the dev server only logs them, as Astro does, so an author can fix the
 * file while it runs.
 */
const RENDER_FAILURE = /^Error (rendering|reading) /;

/** The loader's render failures, thrown together once it has loaded everything (builds only). */
export function failOnRenderError(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      if (context.watcher) return loader.load(context);
      const failures: string[] = [];
      const logger = Object.create(context.logger) as LoaderContext['logger'];
      logger.error = (message: string) => {
        if (RENDER_FAILURE.test(message)) failures.push(message);
        context.logger.error(message);
      };
      await loader.load({ ...context, logger });
      if (failures.length) {
        throw new Error(`${failures.length} file${failures.length === 1 ? '' : 's'} could not be rendered, so the build stops rather than publish ${failures.length === 1 ? 'it' : 'them'} empty:\n${failures.join('\n')}`);
      }
    },
  };
}
