/**
 * The facet counts and the result count the search page shows, checked
 * against counts computed straight from the index: in the same page, a
 * fresh copy of Pagefind (its own script and worker) lists every page
 * matching the words, in every language and index part, and the test
 * counts the facet values written in each page's own index entry
 * (OR within a facet, AND across facets).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openPage } from './helpers/browser.ts';
import { serveForFile } from './helpers/served-site.ts';
import { buildOnce } from './helpers/site.ts';
import { COMMON_WORD, UNIQUE_WORD, writeSearchCorpus } from './helpers/search-corpus.ts';
import { settled } from './helpers/search-page.ts';

type Counts = Record<string, Record<string, number>>;

const corpus = writeSearchCorpus(120);
const build = await buildOnce({ name: 'search-corpus', contentDir: corpus.dir });
const site = serveForFile(build.outDir);
afterAll(() => rmSync(corpus.dir, { recursive: true, force: true }));

/** Every facet value the page lists, with the count it shows (each long facet opened to show all). */
async function shownCounts(page: Page): Promise<Counts> {
  for (const toggle of await page.locator('[data-facet-toggle][aria-expanded="false"]').all()) await toggle.click();
  return page.evaluate(() => {
    const counts: Record<string, Record<string, number>> = {};
    for (const box of document.querySelectorAll<HTMLInputElement>('[data-facets] input[data-facet]')) {
      const shown = box.closest('label')?.querySelector('.count')?.textContent ?? '';
      (counts[box.dataset.facet!] ??= {})[box.value] = Number(shown.replace(/\D/g, ''));
    }
    return counts;
  });
}

/**
 * In the page: the facet values of every page matching a term, read from the index by a Pagefind
 * of the test's own. Plain JavaScript in a string, because the test runner rewrites `import()` in
 * functions it compiles, and the page has no such helper.
 */
const ORACLE = `async (q) => {
  const bundle = location.pathname.replace(/search\\/$/, '') + 'pagefind/';
  const entry = await (await fetch(bundle + 'pagefind-entry.json')).json();
  const listed = await fetch(bundle + 'parts.json').then((r) => (r.ok ? r.json() : { parts: [] }));
  const bundles = [{ url: bundle, languages: entry.languages }, ...listed.parts.map((part) => ({ url: bundle + part.path, languages: part.languages }))];
  const pages = [];
  for (const lang of new Set(bundles.flatMap((b) => Object.keys(b.languages)))) {
    const [home, ...others] = bundles.filter((b) => lang in b.languages);
    const script = await import(bundle + 'pagefind.js?oracle=' + lang);
    // Pagefind takes an instance's language from <html lang> when it is created.
    const original = document.documentElement.lang;
    document.documentElement.lang = lang;
    const instance = script.createInstance({ basePath: home.url });
    document.documentElement.lang = original;
    await instance.init();
    for (const other of others) await instance.mergeIndex(other.url, { language: lang });
    const response = await instance.search(q);
    for (const result of response.results) pages.push((await result.data()).filters);
  }
  return pages;
}`;

async function matchingPages(page: Page, term: string): Promise<Record<string, string[]>[]> {
  return page.evaluate(`(${ORACLE})(${JSON.stringify(term)})`) as Promise<Record<string, string[]>[]>;
}

/** What the page should show: per facet, pages matching every other facet's selection, counted by value. */
function expectedCounts(pages: Record<string, string[]>[], selected: Record<string, string[]>): { counts: Counts; total: number } {
  const passes = (filters: Record<string, string[]>, except?: string) => Object.entries(selected)
    .every(([facet, values]) => facet === except || values.length === 0 || values.some((v) => filters[facet]?.includes(v)));
  const counts: Counts = {};
  const facets = new Set([...pages.flatMap((p) => Object.keys(p)), ...Object.keys(selected)]);
  for (const facet of facets) {
    for (const filters of pages) {
      if (!passes(filters, facet)) continue;
      for (const value of filters[facet] ?? []) (counts[facet] ??= {})[value] = (counts[facet]![value] ?? 0) + 1;
    }
    // A selected value stays listed (at 0) so it can be unticked.
    for (const value of selected[facet] ?? []) (counts[facet] ??= {})[value] ??= 0;
  }
  return { counts, total: pages.filter((filters) => passes(filters)).length };
}

const CASES: { q: string; selected: Record<string, string[]> }[] = [
  { q: COMMON_WORD, selected: {} },
  { q: COMMON_WORD, selected: { topic: ['economy'] } },
  { q: COMMON_WORD, selected: { topic: ['economy', 'energy'] } },
  { q: COMMON_WORD, selected: { topic: ['diplomacy'], person: ['li-wei', 'sara-costa'] } },
  { q: 'pipeline', selected: { country: ['ir'], year: ['2013'] } },
  { q: 'harbour', selected: {} },
  { q: 'harbour', selected: { source: ['Valley Post'], organization: ['energy-agency'] } },
  { q: UNIQUE_WORD, selected: {} },
];

describe('facet counts on the search page', () => {
  it.each(CASES)('match counts computed from the index for "$q" with $selected', async ({ q, selected }) => {
    const { page, errors } = await openPage(site.browser, site.server.origin);
    const params = new URLSearchParams({ q });
    for (const [facet, values] of Object.entries(selected)) for (const value of values) params.append(facet, value);
    await page.goto(`${site.server.url}search/?${params}`);
    await settled(page);
    const shown = await shownCounts(page);
    const status = (await page.locator('[data-status]').textContent()) ?? '';
    const expected = expectedCounts(await matchingPages(page, q), selected);
    expect(expected.total).toBeGreaterThan(0);
    // Facets with no value to show are not drawn at all.
    expect(shown).toEqual(Object.fromEntries(Object.entries(expected.counts).filter(([, values]) => Object.keys(values).length > 0)));
    expect(Number(/^([\d,]+) result/.exec(status)?.[1]?.replace(/,/g, ''))).toBe(expected.total);
    await page.locator('[data-results] > li').first().waitFor();
    expect(errors).toEqual([]);
  });
});
