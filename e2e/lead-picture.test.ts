import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageSize } from 'image-size';
import { openPage } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';
import { buildOnce, buildSite } from './helpers/site.ts';
import { serveForFile } from './helpers/served-site.ts';
import { pageWeight } from './helpers/page-weight.ts';
import { nodeOfType, readGraph, type Node } from './helpers/structured-data.ts';
import { shareImageProblems } from './helpers/share-images.ts';
import { FIGURE_ARTICLE, PICTURE_ARTICLE, picturesFixture } from './helpers/pictures-fixture.ts';

const contentDir = await picturesFixture();
const build = await buildOnce({ name: 'pictures', contentDir });
const site = serveForFile(build.outDir);
const SCREENSHOTS = process.env.CHRONICLE_SCREENSHOTS;

/** A file of the built site by its address (absolute or a site path). */
const distFile = (url: string) => join(build.outDir, decodeURIComponent(new URL(url, 'https://chronicle.example.org').pathname));
const pageHtml = (id: string) => readFileSync(join(build.outDir, 'articles', id, 'index.html'), 'utf8');

describe('the lead picture at the top of an article', () => {
  for (const width of [390, 1280]) {
    it(`at ${width} px: under the headline, within the column, with caption then a smaller credit; eager, high priority, the largest paint`, async () => {
      const { page, errors, foreignRequests } = await openPage(site.browser, site.server.origin, { width });
      await page.addInitScript(() => {
        const w = window as unknown as { lcp?: string };
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1) as unknown as { element?: Element } | undefined;
          w.lcp = last?.element?.closest('figure')?.className ?? last?.element?.tagName;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(new URL(`articles/${PICTURE_ARTICLE.id}/`, site.server.url).href);
      await page.locator('.lead-picture img').evaluate((img: HTMLImageElement) => img.decode());
      const facts = await page.locator('.lead-picture').evaluate((figure) => {
        const img = figure.querySelector('img')!;
        const caption = figure.querySelector('figcaption')!;
        const credit = caption.querySelector('.credit')!;
        const column = document.querySelector('.article')!.getBoundingClientRect();
        const box = img.getBoundingClientRect();
        return {
          afterHeader: figure.previousElementSibling?.matches('header.article-header') ?? false,
          beforeText: figure.compareDocumentPosition(document.querySelector('.prose')!) === Node.DOCUMENT_POSITION_FOLLOWING,
          alt: img.alt, loading: img.loading, fetchPriority: img.getAttribute('fetchpriority'),
          width: img.getAttribute('width'), height: img.getAttribute('height'), srcset: img.srcset.split(', ').length, sizes: img.sizes,
          inColumn: box.left >= column.left - 0.5 && box.right <= column.right + 0.5,
          fills: Math.abs(box.width - column.width) < 1,
          aspect: box.width / box.height,
          caption: caption.textContent,
          creditSmaller: parseFloat(getComputedStyle(credit).fontSize) < parseFloat(getComputedStyle(caption).fontSize),
          current: img.currentSrc,
        };
      });
      expect(facts).toMatchObject({
        afterHeader: true, beforeText: true, alt: PICTURE_ARTICLE.lead.alt, loading: 'eager', fetchPriority: 'high',
        width: '1920', height: '1280', inColumn: true, fills: true,
        caption: `${PICTURE_ARTICLE.lead.caption} ${PICTURE_ARTICLE.lead.credit}`, creditSmaller: true,
      });
      expect(facts.srcset).toBeGreaterThan(2);
      expect(facts.sizes).toContain('38rem');
      expect(facts.aspect).toBeCloseTo(1920 / 1280, 1);
      expect(facts.current).toMatch(/\.webp$/);
      // On a phone the picture sent is a smaller size, within the budget for a phone's column.
      if (width === 390) expect(statSync(distFile(facts.current)).size).toBeLessThanOrEqual(60_000);
      expect(await page.evaluate(() => (window as unknown as { lcp?: string }).lcp)).toBe('figure lead-picture');
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `lead-${width}.png`) });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });
  }

  it('in a Persian article, a lead picture from content/images/ is captioned right to left', async () => {
    const { page, errors } = await openPage(site.browser, site.server.origin, { width: 390 });
    await page.goto(new URL(`articles/${FIGURE_ARTICLE.id}/`, site.server.url).href);
    const facts = await page.locator('.lead-picture').evaluate((figure) => ({
      alt: figure.querySelector('img')!.alt,
      caption: figure.querySelector('figcaption')!.textContent,
      direction: getComputedStyle(figure.querySelector('figcaption')!).direction,
      inColumn: figure.querySelector('img')!.getBoundingClientRect().width <= document.querySelector('.article')!.getBoundingClientRect().width + 0.5,
    }));
    expect(facts).toEqual({ alt: FIGURE_ARTICLE.lead.alt, caption: `${FIGURE_ARTICLE.lead.caption} ${FIGURE_ARTICLE.lead.credit}`, direction: 'rtl', inColumn: true });
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'lead-fa-390.png') });
    expect(errors).toEqual([]);
  });

  it('the article page with its lead picture stays within 15 KB of HTML and CSS, gzipped', () => {
    const weight = pageWeight(build.outDir, join(build.outDir, 'articles', PICTURE_ARTICLE.id, 'index.html'));
    expect(weight.missing).toEqual([]);
    expect(weight.total).toBeLessThanOrEqual(15_000);
  });
});

describe('thumbnails in lists', () => {
  // Each list with the selectors of its entries and their titles: the lists of ArticleList.astro, and the archive's compact year list.
  const LISTS = [
    ['a topic', 'topics/iran-russia-relations/', '.article-list > li', '.article-list-title', 'topic'],
    ['the home page', '', '.article-list > li', '.article-list-title', 'home'],
    ['an archive year', 'archive/2018/', '.archive-month-list > li', 'li > span > a', 'archive-year'],
  ] as const;
  for (const [label, path, entries, titles, shot] of LISTS) {
    for (const width of [390, 1280]) {
      it(`on ${label} at ${width} px: a small lazy thumbnail beside each article that has a lead picture, none for the others`, async () => {
        const { page, errors } = await openPage(site.browser, site.server.origin, { width });
        await page.goto(new URL(path, site.server.url).href);
        const items = await page.locator(entries).evaluateAll((lis, titles) => lis.map((li) => {
          const img = li.querySelector<HTMLImageElement>('img.article-thumb');
          const heading = li.querySelector(titles)!;
          const title = (heading.querySelector('a') ?? heading).getBoundingClientRect();
          const box = img?.getBoundingClientRect();
          return {
            title: heading.textContent!.trim(),
            thumb: img && box ? {
              loading: img.loading, alt: img.alt, width: img.getAttribute('width'), height: img.getAttribute('height'),
              densities: img.srcset.split(', ').length, small: box.width <= 100 && box.height <= 70,
              beside: box.top < title.bottom && (box.left >= title.right - 1 || box.right <= title.left + 1),
              inside: box.right <= li.getBoundingClientRect().right + 0.5 && box.left >= li.getBoundingClientRect().left - 0.5,
            } : null,
          };
        }), titles);
        const withThumb = items.filter((item) => item.thumb);
        expect(withThumb.map((item) => item.title).sort()).toEqual([PICTURE_ARTICLE.title, 'دیدار ولایتی و پوتین در مسکو'].sort());
        for (const { thumb } of withThumb) {
          expect(thumb).toEqual({ loading: 'lazy', alt: '', width: '96', height: '64', densities: 2, small: true, beside: true, inside: true });
        }
        expect(items.length).toBeGreaterThan(withThumb.length);
        if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `list-${shot}-${width}.png`), fullPage: true });
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
});

describe('machine-readable pictures', () => {
  const canonical = `https://chronicle.example.org/articles/${PICTURE_ARTICLE.id}/`;

  it('the NewsArticle has the lead picture in 16:9, 4:3 and 1:1, 1200 px wide, each a file of that size; the publisher has a logo', () => {
    const graph = readGraph(pageHtml(PICTURE_ARTICLE.id), canonical);
    expect(graph.problems).toEqual([]);
    const images = nodeOfType(graph, 'NewsArticle')!.image as Node[];
    expect(images.map((image) => [image.width, image.height])).toEqual([[1200, 675], [1200, 900], [1200, 1200]]);
    for (const image of images) {
      expect(image).toMatchObject({ '@type': 'ImageObject', caption: PICTURE_ARTICLE.lead.caption, creditText: PICTURE_ARTICLE.lead.credit });
      expect(imageSize(readFileSync(distFile(image.url as string)))).toMatchObject({ width: image.width, height: image.height, type: 'jpg' });
    }
    const logo = (graph.byId.get('https://chronicle.example.org/#publisher')!.logo) as Node;
    expect(logo).toMatchObject({ '@type': 'ImageObject', width: 512, height: 512 });
    expect(imageSize(readFileSync(distFile(logo.url as string)))).toMatchObject({ width: 512, height: 512 });
  });

  it('link previews show a 1200×630 crop of the lead picture, at an absolute address on the site', () => {
    const html = pageHtml(PICTURE_ARTICLE.id);
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image).toMatch(/^https:\/\/chronicle\.example\.org\/_astro\/.+\.jpg$/);
    expect(imageSize(readFileSync(distFile(image!)))).toMatchObject({ width: 1200, height: 630 });
    expect(html).toContain(`<meta property="og:image:alt" content="${PICTURE_ARTICLE.lead.alt}"`);
  });

  it('every built page of a site with lead pictures has a valid share image in dist/: the crop for those articles, a drawn card for every other page', () => {
    const { problems, pages, images } = shareImageProblems(build.outDir);
    expect(pages).toBeGreaterThan(40);
    expect(problems).toEqual([]);
    const crops = [...images].filter((file) => file.endsWith('.jpg'));
    // The two articles with a lead picture link their crops; no other page does.
    expect(crops).toHaveLength(2);
    expect(images.size - crops.length).toBeGreaterThan(pages / 2);
  });
});

describe('a publisher logo that is not a picture in public/', () => {
  it('stops the build before anything is written, naming CHRONICLE_LOGO, its value and what it expected', async () => {
    const result = await buildSite({ name: 'pictures-bad-logo', contentDir, env: { CHRONICLE_LOGO: '/images/masthead.png' } });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('CHRONICLE_LOGO: got "/images/masthead.png", which is not a picture in public/ (/images/masthead.png); expected the path of one, e.g. "/logo.png"');
    expect(existsSync(result.outDir)).toBe(false);
  });
});
