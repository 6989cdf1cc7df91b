import type { Browser } from 'playwright-core';

/**
 * Cumulative layout shift of a page as Chromium reports it
 * (PerformanceObserver `layout-shift`, shifts without recent input), from
 * navigation until the page has loaded and `settleMs` more have passed.
 * `fontDelayMs` holds every font response back that long, as a slow link
 * would, so a swap from fallback to web font happens after first paint.
 * `width` is the window's (a phone's, 412 px, unless given).
 */
export async function layoutShift(browser: Browser, url: string, options: { fontDelayMs?: number; settleMs?: number; colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<{ cls: number; shifts: string[] }> {
  const width = options.width ?? 412;
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width, height: width < 800 ? 823 : 900 } });
  const page = await context.newPage();
  const delay = options.fontDelayMs ?? 0;
  if (delay > 0) {
    await page.route(/\.(woff2?|ttf|otf)(\?|$)/, async (route) => {
      await new Promise((done) => setTimeout(done, delay));
      await route.continue();
    });
  }
  await page.addInitScript(() => {
    const record = { cls: 0, shifts: [] as string[] };
    (window as unknown as { __layoutShift: typeof record }).__layoutShift = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        record.cls += entry.value;
        const nodes = (entry.sources ?? []).map((source) => (source.node instanceof Element ? source.node.tagName.toLowerCase() + (source.node.className ? `.${String(source.node.className).split(' ')[0]}` : '') : String(source.node?.nodeName)));
        record.shifts.push(`${entry.value.toFixed(4)} ${nodes.join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(options.settleMs ?? 500);
  const result = await page.evaluate(() => (window as unknown as { __layoutShift: { cls: number; shifts: string[] } }).__layoutShift);
  await context.close();
  return result;
}
