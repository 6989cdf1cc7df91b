import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOnce } from './helpers/site.ts';
import { openPage } from './helpers/browser.ts';
import { serveForFile } from './helpers/served-site.ts';
import { axeViolations } from './helpers/axe.ts';
import { settled } from './helpers/search-page.ts';
import { writeLanguagesFixture, PERSIAN } from './helpers/languages-fixture.ts';
import { missingTemplates, REQUIRED_TEMPLATES, templatePages, type TemplatePage } from './helpers/templates.ts';

/**
 * axe-core (WCAG 2.2 AA) in Chromium on one page of every template of the
 * site — the repository's archive plus Persian and Russian articles, so
 * right-to-left pages are among them — in the light and the dark colour
 * scheme. Templates are found in the built site (e2e/helpers/templates.ts);
 * the ones the issue names must all be there, or the first test fails.
 */

const fixture = writeLanguagesFixture();
afterAll(() => rmSync(dirname(fixture), { recursive: true, force: true }));
const build = await buildOnce({ name: 'languages', contentDir: fixture });
const pages: TemplatePage[] = [
  ...templatePages(build.outDir, 'velayati'),
  // Right-to-left results on a left-to-right page.
  { template: 'search with right-to-left results', path: `search/?q=${encodeURIComponent(PERSIAN.title.split(' ')[1]!)}`, dir: 'ltr', search: true },
];

const site = serveForFile(build.outDir);

it('covers every page template, both directions', () => {
  expect(missingTemplates(pages)).toEqual([]);
  expect(pages.length).toBeGreaterThanOrEqual(REQUIRED_TEMPLATES.length);
  expect(pages.filter((page) => page.dir === 'rtl').map((page) => page.template)).toContain('article (right to left)');
});

describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
  it.each(pages.map((page) => [page.template, page] as const))('%s passes axe with no violation', async (_name, template) => {
    const { page, foreignRequests, cspViolations, errors } = await openPage(site.browser, site.server.origin, { colorScheme });
    try {
      const response = await page.goto(new URL(template.path, site.server.url).href);
      expect(response?.status()).toBe(template.template === '404' ? 404 : 200);
      await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe(template.dir);
      if (template.search) {
        await settled(page);
        await expect(page.locator('[data-results] > li').count()).resolves.toBeGreaterThan(0);
      }
      expect(await axeViolations(page), `${template.path} (${colorScheme})`).toEqual([]);
      // What every other run checks too: nothing blocked, nothing from elsewhere, nothing broken.
      expect(cspViolations).toEqual([]);
      expect(foreignRequests).toEqual([]);
      // The 404 page's own status is logged as a failed load; any other is a broken resource.
      const own404 = errors.indexOf('Failed to load resource: the server responded with a status of 404 (Not Found)');
      if (template.template === '404' && own404 >= 0) errors.splice(own404, 1);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
