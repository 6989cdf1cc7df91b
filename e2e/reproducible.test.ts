import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOnce, buildSite } from './helpers/site.ts';
import { differences, digest } from './helpers/dist-digest.ts';

/**
 * Two builds of the same commit produce a byte-identical dist/: every file
 * (pages, feeds, sitemaps, the search index, _headers, _redirects) has the
 * same name and the same bytes. The builds go to different folders, so no
 * output may depend on where it was built.
 *
 * The one input besides the commit is the day of the build: the home page's
 * "On this day" is computed for it. CHRONICLE_BUILD_DATE pins it (both builds
 * here use the same); builds on different days differ in that section of
 * index.html and nowhere else, which the last test checks. See docs/hardening.md.
 */

/** Differences two builds of one commit on one day may have: none. */
const ALLOWED_DIFFERENCES: string[] = [];

/** Where builds made on different days may differ: the "On this day" section of the home page. */
const BUILD_DAY_DIFFERENCES = { 'index.html': /<section class="on-this-day"[\s\S]*?<\/section>/ };

// The same days as e2e/timeline.test.ts, so a run builds these sites once for both.
const DAY = { CHRONICLE_BUILD_DATE: '2026-07-12' };
const ANOTHER_DAY = { CHRONICLE_BUILD_DATE: '2026-05-09' };

describe('reproducible output', () => {
  it('two builds of the same commit are byte for byte the same', async () => {
    const first = await buildOnce({ name: 'timeline-on-this-day', env: DAY });
    const second = await buildSite({ name: 'reproducible-again', env: DAY });
    expect(second.code, second.output.slice(-2000)).toBe(0);
    const a = digest(first.outDir);
    const b = digest(second.outDir);
    // Every kind of file was compared: pages of each template, feeds, the sitemap and the search index.
    for (const name of ['index.html', 'rss.xml', 'sitemap-0.xml', '_redirects', '_headers']) expect(a.has(name), name).toBe(true);
    for (const folder of ['articles/', 'topics/', 'people/', 'timeline/', 'archive/', '_astro/']) {
      expect([...a.keys()].some((name) => name.startsWith(folder)), folder).toBe(true);
    }
    expect([...a.keys()].some((name) => name.startsWith('pagefind/'))).toBe(true);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(differences(a, b).filter((name) => !ALLOWED_DIFFERENCES.includes(name))).toEqual([]);
  });

  it('a build on another day differs only in "On this day" on the home page', async () => {
    const first = await buildOnce({ name: 'timeline-on-this-day', env: DAY });
    const other = await buildOnce({ name: 'timeline-on-another-day', env: ANOTHER_DAY });
    const changed = differences(digest(first.outDir), digest(other.outDir));
    expect(changed).toEqual(Object.keys(BUILD_DAY_DIFFERENCES));
    for (const [name, section] of Object.entries(BUILD_DAY_DIFFERENCES)) {
      const before = readFileSync(join(first.outDir, name), 'utf8');
      const after = readFileSync(join(other.outDir, name), 'utf8');
      expect(before).toMatch(section);
      expect(before.replace(section, '')).toBe(after.replace(section, ''));
    }
  });
});
