import { describe, expect, it } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { failOnRenderError } from '../../src/lib/build/render-failures.ts';

/** A loader that reports what Astro's glob loader reports when a file's Markdown throws. */
function reportingLoader(messages: string[]): Loader {
  return { name: 'fake', load: async ({ logger }) => { for (const message of messages) logger.error(message); } };
}

function context(watcher: boolean) {
  const logged: string[] = [];
  const logger = { error: (m: string) => logged.push(`error ${m}`), warn: (m: string) => logged.push(`warn ${m}`) };
  return { logged, context: { logger, watcher: watcher ? {} : undefined } as unknown as LoaderContext };
}

describe('a file whose Markdown fails to render', () => {
  it('stops a build, naming every such file, after logging each as Astro does', async () => {
    const { logged, context: ctx } = context(false);
    const loader = failOnRenderError(reportingLoader([
      'Error rendering 2018/a.md: plugin exploded', 'Something else went wrong', 'Error reading 2018/b.md: EACCES',
    ]));
    await expect(loader.load(ctx)).rejects.toThrow(/2 files could not be rendered[\s\S]*2018\/a\.md: plugin exploded\n.*2018\/b\.md: EACCES/);
    expect(logged).toEqual(['error Error rendering 2018/a.md: plugin exploded', 'error Something else went wrong', 'error Error reading 2018/b.md: EACCES']);
  });

  it('lets a build without such reports through', async () => {
    const { context: ctx } = context(false);
    await expect(failOnRenderError(reportingLoader(['Something else went wrong'])).load(ctx)).resolves.toBeUndefined();
  });

  it('only logs in the dev server, so the author can fix the file while it runs', async () => {
    const { logged, context: ctx } = context(true);
    await expect(failOnRenderError(reportingLoader(['Error rendering 2018/a.md: plugin exploded'])).load(ctx)).resolves.toBeUndefined();
    expect(logged).toEqual(['error Error rendering 2018/a.md: plugin exploded']);
  });
});

describe("Astro's glob loader", () => {
  it('still reports a failed render and a failed read in the words the guard looks for', async () => {
    const { readFile } = await import('node:fs/promises');
    const { createRequire } = await import('node:module');
    const astroDir = createRequire(import.meta.url).resolve('astro/package.json').replace(/package\.json$/, '');
    const source = await readFile(`${astroDir}dist/content/loaders/glob.js`, 'utf8');
    expect(source).toContain('logger.error(`Error rendering ${entry}: ${error.message}`)');
    expect(source).toContain('logger.error(`Error reading ${entry}: ${err.message}`)');
  });
});
