import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { layoutShift } from './helpers/layout-shift.ts';
import { buildOnce } from './helpers/site.ts';
import { serveDir, type StaticServer } from './helpers/serve.ts';
import { writeLanguagesFixture } from './helpers/languages-fixture.ts';
import { missingTemplates, templatePages } from './helpers/templates.ts';

/**
 * No layout shift: Chromium's cumulative layout shift (PerformanceObserver
 * `layout-shift`) is 0 on one page of every template, left to right and right
 * to left, in a phone's and a desktop's window — with the fonts served at once
 * and held back 1.5 s, as on a slow link (fonts are `font-display: optional`
 * behind metric-matched fallbacks, astro.config.mjs; pictures carry their
 * dimensions).
 */

const fixture = writeLanguagesFixture();
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'languages', contentDir: fixture });
const pages = templatePages(build.outDir, 'velayati');

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveDir(build.outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('layout shift', () => {
  it('finds every template', () => expect(missingTemplates(pages)).toEqual([]));

  it.each([[390], [1280]])('is 0 on every template in a %i px window, fonts prompt or late', async (width) => {
    const report: string[] = [];
    for (const page of pages) {
      for (const fontDelayMs of [0, 1500]) {
        const { cls, shifts } = await layoutShift(browser, new URL(page.path, server.url).href, { width, fontDelayMs });
        if (cls > 0) report.push(`${page.template}, fonts after ${fontDelayMs} ms: CLS ${cls.toFixed(4)} (${shifts.join('; ')})`);
      }
    }
    expect(report).toEqual([]);
  });

  it('notices a web font swapped in late (the check can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-shift-'));
    const inter = createRequire(import.meta.url).resolve('@fontsource-variable/inter');
    copyFileSync(join(dirname(inter), 'files', 'inter-latin-wght-normal.woff2'), join(dir, 'late.woff2'));
    const words = 'The archive keeps every article with its sources, dates and the people it names. '.repeat(12);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>x</title>'
      + '<style>@font-face{font-family:Late;src:url(late.woff2) format("woff2");font-display:swap} body{font:16px/1.5 Late,serif}</style></head>'
      + `<body><p>${words}</p><p>${words}</p><footer>end</footer></body></html>`);
    const page = await serveDir(dir);
    try {
      const { cls } = await layoutShift(browser, page.url, { width: 390, fontDelayMs: 1500 });
      expect(cls).toBeGreaterThan(0);
    } finally {
      await page.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
