import { describe, expect, it } from 'vitest';
import { mayBeSearchable } from '../../src/lib/search/indexed-pages.ts';
import { archiveYearPath, articlePath, entityPath, pagePath, quotesPath, searchPath, timelineYearPath } from '../../src/lib/core/urls.ts';

describe('pages the search indexer reads', () => {
  it('reads every article and the first page of every entity', () => {
    for (const path of [
      articlePath('2018/07/velayati-visits-moscow'),
      articlePath('flat-id'),
      entityPath('topics', 'jcpoa'),
      entityPath('people', 'ali-akbar-velayati'),
      entityPath('organizations', 'iaea'),
      entityPath('events', 'jcpoa-signed'),
      entityPath('countries', 'IR'),
    ]) expect(mayBeSearchable(path), path).toBe(true);
  });

  it('skips listings, later pages, timelines, archives, quotes, feeds and the home page', () => {
    for (const path of [
      '/',
      '/articles/',
      pagePath(entityPath('people', 'ali-akbar-velayati'), 2),
      quotesPath({ collection: 'people', id: 'ali-akbar-velayati' }),
      `${entityPath('countries', 'ir')}timeline/2018/`,
      `${entityPath('countries', 'ir')}rss.xml`,
      timelineYearPath(2018),
      archiveYearPath(2018),
      pagePath(archiveYearPath(2018), 3),
      quotesPath(),
      searchPath('en', []),
      '/guide/fields/',
      '/2018/07/old-url.html',
      '/404.html',
    ]) expect(mayBeSearchable(path), path).toBe(false);
  });
});
