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

interface Box { x: number; y: number; width: number; height: number }

/** How many pixels inside each box of a screenshot are the search highlight colour (`::target-text`, light scheme), decoded by the browser itself. */
async function highlightCounts(page: Page, shot: Buffer, boxes: Box[]): Promise<number[]> {
  return page.evaluate(async ({ png, boxes }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return boxes.map((box) => {
      const data = context.getImageData(Math.round(box.x), Math.round(box.y), Math.max(1, Math.round(box.width)), Math.max(1, Math.round(box.height))).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - 0xff) < 6 && Math.abs(data[i + 1]! - 0xe0) < 6 && Math.abs(data[i + 2]! - 0x8a) < 6) count += 1;
      }
      return count;
    });
  }, { png: shot.toString('base64'), boxes });
}

/** How many pixels of the visible page are painted in the search highlight colour: what a reader sees. */
export async function highlightedPixels(page: Page): Promise<number> {
  const viewport = await page.evaluate(() => ({ x: 0, y: 0, width: innerWidth, height: innerHeight }));
  const [count] = await highlightCounts(page, await page.screenshot(), [viewport]);
  return count!;
}

/**
 * For each place `word` occurs (as a whole word) in the text under
 * `selector`, whether it is painted in the search highlight colour: read
 * from a full-page screenshot, at the box of each occurrence.
 */
export async function highlightedOccurrences(page: Page, selector: string, word: string): Promise<{ text: string; highlighted: boolean }[]> {
  const boxes = await page.evaluate(({ selector, word }) => {
    const found: { text: string; x: number; y: number; width: number; height: number }[] = [];
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu');
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(pattern)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const box = range.getBoundingClientRect();
          const context = (node.textContent ?? '').slice(Math.max(0, match.index - 20), match.index + match[0].length + 20);
          found.push({ text: context, x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height });
        }
      }
    }
    return found;
  }, { selector, word });
  const counts = await highlightCounts(page, await page.screenshot({ fullPage: true }), boxes);
  // Most of the word's box is background: highlighted, it is mostly the highlight colour.
  const painted = boxes.map((box, i) => counts[i]! > (box.width * box.height) / 3);
  return boxes.map((box, i) => ({ text: box.text, highlighted: painted[i]! }));
}
