import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';
import { buildOnce } from './helpers/site.ts';
import { serveForFile } from './helpers/served-site.ts';
import { FIGURE_ARTICLE, PICTURE_ARTICLE, picturesFixture } from './helpers/pictures-fixture.ts';

const build = await buildOnce({ name: 'pictures', contentDir: await picturesFixture() });
const site = serveForFile(build.outDir);

/** Every picture in the article's text as the reader's browser laid it out, after scrolling past each one. */
async function picturesOn(page: Page) {
  await page.goto(new URL(`articles/${PICTURE_ARTICLE.id}/`, site.server.url).href);
  // The pictures load lazily: bring each into view, then wait for it.
  for (const img of await page.locator('.prose img').all()) {
    await img.scrollIntoViewIfNeeded();
    await img.evaluate((el: HTMLImageElement) => el.decode());
  }
  return page.evaluate(() => {
    const column = document.querySelector('.prose')!.getBoundingClientRect().width;
    return [...document.querySelectorAll<HTMLImageElement>('.prose img')].map((img) => ({
      alt: img.alt,
      column,
      shown: img.getBoundingClientRect().width,
      aspect: img.getBoundingClientRect().width / img.getBoundingClientRect().height,
      natural: img.naturalWidth / img.naturalHeight,
      attributes: { width: img.getAttribute('width'), height: img.getAttribute('height'), loading: img.loading, decoding: img.decoding },
      // The candidate the browser chose, and the ones it had.
      chosen: Number(/ (\d+)w/.exec(img.srcset.split(', ').find((c) => c.startsWith(new URL(img.currentSrc).pathname)) ?? '')?.[1]),
      candidates: img.srcset.split(', ').map((c) => Number(/ (\d+)w$/.exec(c)?.[1])),
      type: img.currentSrc.split('.').pop(),
      caption: img.closest('figure')?.querySelector('figcaption')?.textContent ?? null,
      dpr: devicePixelRatio,
    }));
  });
}

describe('pictures in an article', () => {
  for (const width of [390, 1280]) {
    it(`at ${width} px, each picture fills at most the column, keeps its shape, and the browser picks the smallest file that is sharp enough`, async () => {
      const { page, errors, foreignRequests } = await openPage(site.browser, site.server.origin, { width });
      const pictures = await picturesOn(page);
      expect(pictures.map((p) => p.alt)).toEqual([
        'Velayati walks down the steps of an Iranian government plane',
        'The Kremlin’s towers seen across the Moscow river',
        'A map of the route from Tehran to Moscow',
        '',
        'The plane on the apron at Vnukovo',
      ]);
      for (const picture of pictures) {
        expect(picture.shown).toBeLessThanOrEqual(picture.column + 0.5);
        expect(picture.aspect).toBeCloseTo(picture.natural, 1);
        expect(picture.attributes).toMatchObject({ loading: 'lazy', decoding: 'async' });
        expect(Number(picture.attributes.width)).toBeGreaterThan(0);
        expect(Number(picture.attributes.height)).toBeGreaterThan(0);
        expect(picture.type).toBe('webp');
        // Right size: wide enough for the pixels it covers, and no candidate smaller than it would have been.
        const needed = picture.shown * picture.dpr;
        const enough = picture.candidates.filter((w) => w >= needed);
        expect(picture.chosen).toBe(enough.length ? Math.min(...enough) : Math.max(...picture.candidates));
      }
      // The wide photographs fill the column; on a phone they are not sent at their full 1,920 px.
      expect(pictures[0]!.shown).toBeCloseTo(pictures[0]!.column, 0);
      if (width === 390) expect(pictures[0]!.chosen).toBeLessThanOrEqual(720);
      expect(pictures.map((p) => p.caption)).toEqual([null, PICTURE_ARTICLE.caption, null, null, PICTURE_ARTICLE.referenceCaption]);
      expect(await page.locator('.prose img[title]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });
  }

  it('nothing moves as the pictures load: each has its box before its bytes come (layout shift 0)', async () => {
    const { page } = await openPage(site.browser, site.server.origin, { width: 390 });
    // The pictures' bytes are held back until their boxes have been measured.
    const held = await holdPictures(page);
    await page.goto(new URL(`articles/${PICTURE_ARTICLE.id}/`, site.server.url).href, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.querySelector('.prose img') && getComputedStyle(document.querySelector('.prose img')!).blockSize !== '' && document.fonts.status === 'loaded');
    const before = await page.locator('.prose img').evaluateAll((images: HTMLImageElement[]) => images.map((img) => ({ height: img.getBoundingClientRect().height, loaded: img.naturalWidth > 0 })));
    await held.release();
    const pictures = await picturesOn(page);
    await page.waitForTimeout(300);
    expect(before.map((b) => b.loaded)).toEqual([false, false, false, false, false]);
    expect(before.map((b) => b.height)).toEqual(pictures.map((p) => expect.closeTo(p.shown / p.aspect, 0)));
    expect(await held.shifts()).toEqual([]);
  });

  for (const width of [390, 1280]) {
    it(`at ${width} px, the lead picture and every picture in the text hold their boxes while their bytes are on the way: layout shift 0 until all are drawn`, async () => {
      const { page } = await openPage(site.browser, site.server.origin, { width });
      const held = await holdPictures(page);
      await page.goto(new URL(`articles/${PICTURE_ARTICLE.id}/`, site.server.url).href, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => document.fonts.status === 'loaded');
      const boxes = () => page.locator('.lead-picture img, .prose img').evaluateAll((images: HTMLImageElement[]) => images.map((img) => ({ top: Math.round(img.getBoundingClientRect().top + scrollY), height: Math.round(img.getBoundingClientRect().height), loaded: img.complete && img.naturalWidth > 0 })));
      const before = await boxes();
      await held.release();
      // The lead picture first (eager), then each lazy one as it comes into view; on the same page, so every shift is seen.
      for (const img of await page.locator('.lead-picture img, .prose img').all()) {
        await img.scrollIntoViewIfNeeded();
        await img.evaluate((el: HTMLImageElement) => el.decode());
      }
      await page.waitForTimeout(300);
      const after = await boxes();
      expect(before.length).toBe(6);
      expect(before.every((box) => !box.loaded && box.height > 50)).toBe(true);
      expect(after.every((box) => box.loaded)).toBe(true);
      // Within a pixel: a resized file's height is rounded (1600×900 → 750×422), so its ratio differs from the attributes' by a fraction of a pixel at this width.
      expect(after.map(({ top, height }, i) => Math.max(Math.abs(top - before[i]!.top), Math.abs(height - before[i]!.height)))).toEqual(before.map(() => expect.toBeOneOf([0, 1])));
      expect(await held.shifts()).toEqual([]);
    });

    it(`at ${width} px, <Figure> in a Persian MDX article: an optimised picture inside the column, caption then a smaller credit, right to left`, async () => {
      const { page, errors } = await openPage(site.browser, site.server.origin, { width });
      await page.goto(new URL(`articles/${FIGURE_ARTICLE.id}/`, site.server.url).href);
      const figure = page.locator('.prose figure.figure');
      await figure.locator('img').scrollIntoViewIfNeeded();
      const facts = await figure.evaluate((el) => {
        const img = el.querySelector('img')!;
        const caption = el.querySelector('figcaption')!;
        const credit = caption.querySelector('.credit')!;
        return {
          alt: img.alt, srcset: img.srcset !== '', sizes: img.sizes, loading: img.loading, width: img.getAttribute('width'),
          inColumn: img.getBoundingClientRect().width <= document.querySelector('.prose')!.getBoundingClientRect().width + 0.5,
          caption: caption.textContent, direction: getComputedStyle(caption).direction,
          creditSmaller: parseFloat(getComputedStyle(credit).fontSize) < parseFloat(getComputedStyle(caption).fontSize),
          creditAfter: caption.textContent!.indexOf(credit.textContent!) > caption.textContent!.indexOf('دیدار'),
        };
      });
      expect(facts).toMatchObject({
        alt: 'ولایتی و پوتین پشت میز مذاکره', srcset: true, loading: 'lazy', width: '1600', inColumn: true,
        caption: `${FIGURE_ARTICLE.caption} ${FIGURE_ARTICLE.credit}`, direction: 'rtl', creditSmaller: true, creditAfter: true,
      });
      expect(facts.sizes).toContain('38rem');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

/**
 * Holds the page's pictures' bytes back until `release()`, and from then on records every layout
 * shift (its value and the nodes that moved): the fonts are in by then, so a shift is a picture's.
 */
async function holdPictures(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route('**/_astro/*.webp', async (route) => { await released; await route.continue(); });
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: { value: number; nodes: string[] }[]; counting?: boolean };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { hadRecentInput: boolean; value: number; sources: { node?: Element }[] }[]) {
        if (w.counting && !entry.hadRecentInput) w.shifts.push({ value: entry.value, nodes: entry.sources.map((s) => s.node?.outerHTML?.slice(0, 80) ?? '(gone)') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return {
    release: async () => {
      await page.evaluate(() => { (window as unknown as { counting: boolean }).counting = true; });
      release();
    },
    shifts: () => page.evaluate(() => (window as unknown as { shifts: unknown[] }).shifts),
  };
}
