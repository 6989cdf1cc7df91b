import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from './helpers/dev-server.ts';
import { article, makeContentTree, md, removeContentTrees } from '../tests/fixtures/content-tree.ts';

/**
 * `npm run dev` on a tree that is already broken when it starts (issue 16:
 * "a broken build ends with the report … the same in the dev server"): the
 * author reads Chronicle's report, naming each file, field and problem, and
 * no Astro hook error or stack trace; the server keeps serving the rest, and
 * asking for the pages does not bring a stack trace either.
 */

let dev: DevServer;

const plain = () => dev.output().replace(/\u001b\[[0-9;]*m/g, '');

beforeAll(async () => {
  const { contentDir } = makeContentTree({
    'articles/broken-one.md': article('countries: [XX]'),
    'events/broken-two.md': md('title: Broken\ndate: 2018-02-30'),
  });
  dev = await startDevServer(contentDir);
});

afterAll(async () => {
  await dev?.stop();
  removeContentTrees();
});

describe('the dev server started on broken content', () => {
  it('prints the report, file by file and field by field, and no hook error or stack trace', async () => {
    // Pages are asked for, so whatever serving them prints is in the output too.
    const home = await fetch(dev.url, { signal: AbortSignal.timeout(120_000) });
    expect(home.status).toBe(200);
    await expect(home.text()).resolves.toContain('First story');
    // The broken article is left out, as a build would refuse it; the rest is served.
    const broken = await fetch(new URL('articles/broken-one/', dev.url), { signal: AbortSignal.timeout(120_000) });
    expect(broken.status).toBe(404);
    await fetch(new URL('events/broken-two/', dev.url), { signal: AbortSignal.timeout(120_000) });
    await new Promise((wait) => setTimeout(wait, 2_000));
    const output = plain();
    expect(output).toMatch(/Chronicle found 2 content problems in 2 files; the dev server keeps serving the other files\./);
    expect(output).toMatch(/content\/articles\/broken-one\.md:6 {2}countries\[0\]: got "XX", expected an upper-case ISO 3166-1 alpha-2 code/);
    expect(output).toMatch(/content\/events\/broken-two\.md:3 {2}date: got "2018-02-30", expected a real day/);
    expect(output, output.slice(-4000)).not.toMatch(/unhandled error|^\s+at \S|\bError: /m);
  });
});
