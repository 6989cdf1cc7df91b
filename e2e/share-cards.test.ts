import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { fileFor } from './helpers/crawl.ts';
import { headOf, shareImageProblems } from './helpers/share-images.ts';
import { REQUIRED_TEMPLATES, templatePages } from './helpers/templates.ts';

describe('a share card for every page', () => {
  it('every built page names a 1200×630 PNG in dist/ as og:image and twitter:image, with alt text, size and locale', () => {
    const { problems, pages, images: cards } = shareImageProblems(inject('seedDist'));
    expect(pages).toBeGreaterThan(40);
    expect(problems).toEqual([]);
    // Pages differ, and so do their cards (one drawing for all would pass the checks above).
    expect(cards.size).toBeGreaterThan(pages / 2);
  });

  it('each template the issue names has its card, and pages in Persian and Russian say so in og:locale', () => {
    const dist = inject('seedDist');
    const templates = templatePages(dist, 'Velayati');
    const found = templates.map((template) => template.template);
    expect(found).toEqual(expect.arrayContaining(REQUIRED_TEMPLATES.filter((name) => ['home', 'article', 'topic', 'person', 'organization', 'country', 'event', 'timeline', 'archive', 'quotes', 'guide'].includes(name))));
    for (const page of templates.filter((template) => !template.search && template.template !== '404')) {
      const file = fileFor(dist, `/${page.path}`, '/');
      expect(headOf(readFileSync(file!, 'utf8')).meta.get('og:image'), page.template).toMatch(/^https:\/\/.+\/cards\/[0-9a-f]{24}\.png$/);
    }
    expect(headOf(readFileSync(fileFor(dist, '/404.html', '/')!, 'utf8')).meta.get('og:image')).toMatch(/\/cards\/[0-9a-f]{24}\.png$/);
    expect(headOf(readFileSync(fileFor(dist, '/search/fa/', '/')!, 'utf8')).meta.get('og:locale')).toBe('fa_IR');
    expect(headOf(readFileSync(fileFor(dist, '/search/ru/', '/')!, 'utf8')).meta.get('og:locale')).toBe('ru_RU');
  });
});
