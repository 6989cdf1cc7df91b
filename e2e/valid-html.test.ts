import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildOnce, type BuildOptions } from './helpers/site.ts';
import { nuCheck } from './helpers/nu-checker.ts';
import { writeLanguagesFixture } from './helpers/languages-fixture.ts';
import { writeInertFixture } from './helpers/hostile-fixture.ts';
import { writeTimelineCorpus } from './helpers/timeline-corpus.ts';
import { writeSearchCorpus } from './helpers/search-corpus.ts';

/**
 * Valid HTML (issue 17): the W3C Nu Html Checker reports no error on any
 * page of the seed archive or of the test fixtures (languages and right to
 * left, hostile input, the generated timeline and search corpora). Each
 * fixture is built with the options its own test file uses, so a full run
 * builds it once.
 */

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** Builds a fixture written to `contentDir` (inside a temp folder removed afterwards). */
const fixtureBuild = async (contentDir: string, options: Omit<BuildOptions, 'contentDir'>) => {
  temps.push(contentDir.endsWith('/content') ? dirname(contentDir) : contentDir);
  return (await buildOnce({ ...options, contentDir })).outDir;
};

const sites: [string, () => Promise<string>][] = [
  ['the seed archive', async () => inject('seedDist')],
  ['the languages fixture', () => fixtureBuild(writeLanguagesFixture(), { name: 'languages' })],
  ['the hostile-input fixture', () => fixtureBuild(writeInertFixture(), { name: 'hostile' })],
  ['the timeline corpus', () => fixtureBuild(writeTimelineCorpus().dir, { name: 'timeline-corpus', env: { CHRONICLE_BUILD_DATE: '2026-03-04' } })],
  ['the search corpus', () => fixtureBuild(writeSearchCorpus(120).dir, { name: 'search-corpus' })],
];

describe.each(sites)('the Nu Html Checker on %s', (_name, built) => {
  // Built in a hook, whose budget is a build's; the test's own budget is the checker's.
  let dist: string;
  beforeAll(async () => { dist = await built(); });

  it('finds no error in any page', () => {
    const report = nuCheck(dist);
    expect(report.checked.length).toBeGreaterThan(20);
    expect(report.errors).toEqual([]);
  });
});

describe('the Nu Html Checker', () => {

  it('reports an error, such as a script after </html> (it can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-nu-'));
    temps.push(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><title>x</title></head><body><p>x</p></body></html>');
    writeFileSync(join(dir, 'bad.html'), '<!doctype html><html lang="en"><head><title>x</title></head><body><p>x</p></body></html><script type="module" src="/a.js"></script>');
    const report = nuCheck(dir);
    expect(report.checked).toHaveLength(2);
    expect(report.errors[0]).toMatch(/^\/bad\.html:1: Stray start tag “script”/);
  });
});
