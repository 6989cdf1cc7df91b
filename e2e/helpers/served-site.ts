import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDir, type StaticServer } from './serve.ts';

export interface ServedSite {
  server: StaticServer;
  browser: Browser;
}

/**
 * Serves a built `dist/` and starts Chromium for the test file that calls it,
 * closing both afterwards. Called inside a `describe`, it serves that block only;
 * `headers` applies the site's `_headers` file as a host would. The fields are filled in once `beforeAll` has run.
 */
export function serveForFile(outDir: string, base = '/', options: { headers?: boolean } = {}): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await serveDir(outDir, base, options);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
