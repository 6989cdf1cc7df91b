import { describe, expect, it } from 'vitest';
import { cachedUntilChange, changeCounter } from '../../src/lib/routes/content-cache.ts';

/** A stand-in for the dev server's `import.meta.hot`: it counts listeners and can announce a content change. */
function fakeHot() {
  const listeners: (() => void)[] = [];
  return { listeners, on: (_event: string, listener: () => void) => listeners.push(listener), change: () => listeners.forEach((listener) => listener()) };
}

describe('route data kept until content changes (the dev server)', () => {
  it('builds once, and again on the first call after a change', async () => {
    const hot = fakeHot();
    const changes = changeCounter(hot);
    let builds = 0;
    const get = cachedUntilChange(async () => ++builds, changes);
    expect([await get(), await get()]).toEqual([1, 1]);
    hot.change();
    expect([await get(), await get()]).toEqual([2, 2]);
  });

  it('does not keep a build that was still reading when the change came', async () => {
    const hot = fakeHot();
    const changes = changeCounter(hot);
    let release!: () => void;
    let builds = 0;
    const get = cachedUntilChange(() => {
      builds += 1;
      const version = builds;
      return builds === 1 ? new Promise<number>((done) => { release = () => done(version); }) : Promise.resolve(version);
    }, changes);
    const first = get();
    hot.change(); // arrives while the first build is still reading the old content
    release();
    expect(await first).toBe(1);
    expect(await get()).toBe(2);
  });

  it('listens once however many caches are made, so old caches are not kept alive by listeners', () => {
    const hot = fakeHot();
    const changes = changeCounter(hot);
    for (let i = 0; i < 50; i++) cachedUntilChange(async () => i, changes);
    expect(hot.listeners).toHaveLength(1);
  });
});
