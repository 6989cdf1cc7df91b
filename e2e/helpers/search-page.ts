import type { Page } from 'playwright-core';

/** Waits until the search page has finished its latest search: results, then facet counts (neither busy). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const busy = document.querySelector('[data-results][aria-busy], [data-facets][aria-busy]');
    const status = document.querySelector('[data-status]')?.textContent ?? '';
    return busy === null && status.trim() !== '';
  }, null, { timeout: 60_000 });
}

/** The live region's text once it reads `expected` (a string or pattern) and the facets are counted. */
export async function statusBecomes(page: Page, expected: string | RegExp): Promise<string> {
  await page.waitForFunction(
    ({ source, flags, text }) => {
      const status = document.querySelector('[data-status]')?.textContent ?? '';
      const busy = document.querySelector('[data-results][aria-busy], [data-facets][aria-busy]');
      const matches = text !== null ? status === text : new RegExp(source, flags).test(status);
      return matches && busy === null;
    },
    typeof expected === 'string'
      ? { source: '', flags: '', text: expected }
      : { source: expected.source, flags: expected.flags, text: null },
    { timeout: 60_000 },
  );
  return (await page.locator('[data-status]').textContent()) ?? '';
}

/** Presses "Show more results" until every result is listed; returns the listed results. */
export async function allResults(page: Page): Promise<{ title: string; href: string; date: string | null }[]> {
  const more = page.locator('[data-more]');
  while (await more.isVisible()) {
    const before = await page.locator('[data-results] > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-results] > li').length > n, before);
  }
  return page.locator('[data-results] > li').evaluateAll((items) => items.map((li) => {
    const link = li.querySelector('a[data-result-link]') as HTMLAnchorElement;
    return { title: link.textContent ?? '', href: link.getAttribute('href') ?? '', date: li.querySelector('time')?.getAttribute('datetime') ?? null };
  }));
}

/**
 * How many pixels of the visible page are painted in the search highlight
 * colour (`::target-text`, light scheme): what a reader sees, measured from
 * a screenshot decoded by the browser itself.
 */
export async function highlightedPixels(page: Page): Promise<number> {
  const shot = (await page.screenshot()).toString('base64');
  return page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - 0xff) < 6 && Math.abs(data[i + 1]! - 0xe0) < 6 && Math.abs(data[i + 2]! - 0x8a) < 6) count += 1;
    }
    return count;
  }, shot);
}
