import { describe, expect, it } from 'vitest';
import {
  archiveYearPath, articlePath, entityPath, FIXED_PAGES, joinBase, normalizePath, pagePath, timelineYearPath,
} from '../../src/lib/core/urls.ts';

describe('site paths', () => {
  it('builds article and entity paths with a trailing slash', () => {
    expect(articlePath('2018/07/iran-russia-ties')).toBe('/articles/2018/07/iran-russia-ties/');
    expect(entityPath('topics', 'jcpoa')).toBe('/topics/jcpoa/');
    expect(entityPath('people', 'ali-akbar-velayati')).toBe('/people/ali-akbar-velayati/');
    expect(entityPath('events', 'jcpoa-concluded')).toBe('/events/jcpoa-concluded/');
  });

  it('lower-cases country codes in country paths', () => {
    expect(entityPath('countries', 'IR')).toBe('/countries/ir/');
    expect(entityPath('countries', 'ru')).toBe('/countries/ru/');
  });

  it('numbers pages after the first', () => {
    expect(pagePath('/archive/', 1)).toBe('/archive/');
    expect(pagePath('/archive/', 0)).toBe('/archive/');
    expect(pagePath('/archive/', 3)).toBe('/archive/3/');
    expect(timelineYearPath(2015)).toBe('/timeline/2015/');
    expect(archiveYearPath(2018)).toBe('/archive/2018/');
  });

  it('lists fixed pages already normalized, so aliases can be compared with them', () => {
    for (const page of FIXED_PAGES) expect(normalizePath(page)).toBe(page);
    expect(FIXED_PAGES).toContain('/search/');
    expect(FIXED_PAGES).toContain('/rss.xml');
  });
});

describe('normalizePath', () => {
  it.each([
    ['/2018/07/old-slug/', '/2018/07/old-slug/'],
    ['/2018/07/old-slug', '/2018/07/old-slug/'],
    ['2018/07/old-slug', '/2018/07/old-slug/'],
    ['//2018//07/old-slug//', '/2018/07/old-slug/'],
    ['  /search  ', '/search/'],
    ['/rss.xml', '/rss.xml'],
    ['old/page.html', '/old/page.html'],
    ['/', '/'],
  ])('%j → %j', (input, expected) => expect(normalizePath(input)).toBe(expected));
});

describe('joinBase', () => {
  it.each([
    ['/', '/articles/x/', '/articles/x/'],
    ['/chronicle/', '/articles/x/', '/chronicle/articles/x/'],
    ['/chronicle', '/articles/x/', '/chronicle/articles/x/'],
    ['/chronicle/', 'rss.xml', '/chronicle/rss.xml'],
    ['/chronicle/', '/', '/chronicle/'],
  ])('joinBase(%j, %j) → %j', (base, path, expected) => expect(joinBase(base, path)).toBe(expected));
});
