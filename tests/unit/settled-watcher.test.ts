import { afterAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { followEveryWrite, settledWatcher } from '../../src/lib/build/settled-watcher.ts';

type Watcher = NonNullable<LoaderContext['watcher']>;

const SETTLE = 30;
const dir = mkdtempSync(join(tmpdir(), 'chronicle-settled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));
let files = 0;
const newFile = (text: string) => {
  const path = join(dir, `file-${files++}.md`);
  writeFileSync(path, text);
  return path;
};

/**
 * A watcher that, like Vite's chokidar, delivers only the events a test emits,
 * and a listener that, like Astro's glob loader, reads the file when called.
 */
function setup(readTime = 5) {
  const emitter = new EventEmitter();
  const watcher = settledWatcher(emitter as unknown as Watcher, SETTLE);
  const seen: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  watcher.on('change', async (path: string) => {
    mostAtOnce = Math.max(mostAtOnce, ++running);
    seen.push(readFileSync(path, 'utf8'));
    await sleep(readTime);
    running--;
  });
  return { emitter, seen, mostAtOnce: () => mostAtOnce };
}

describe('settledWatcher', () => {
  it('reads a file again when it was written after the event, with no event of its own', async () => {
    const { emitter, seen } = setup();
    const path = newFile('first');
    emitter.emit('change', path);
    // The second save, within chokidar's 50 ms window: chokidar emits nothing for it.
    await sleep(10);
    writeFileSync(path, 'second');
    await vi.waitFor(() => expect(seen.at(-1)).toBe('second'), { timeout: 2000, interval: 10 });
    expect(seen).toEqual(['first', 'second']);
  });

  it('reads an unchanged file once: no extra reload for an ordinary save', async () => {
    const { emitter, seen } = setup();
    const path = newFile('only');
    emitter.emit('change', path);
    await sleep(SETTLE * 5);
    expect(seen).toEqual(['only']);
  });

  it('never reads one file twice at once, and reads it again after a read that an event interrupted', async () => {
    const { emitter, seen, mostAtOnce } = setup(60);
    const path = newFile('first');
    emitter.emit('change', path);
    writeFileSync(path, 'second');
    emitter.emit('change', path);
    writeFileSync(path, 'third');
    emitter.emit('change', path);
    await vi.waitFor(() => expect(seen.at(-1)).toBe('third'), { timeout: 2000, interval: 10 });
    await sleep(SETTLE * 3);
    expect(mostAtOnce()).toBe(1);
    // The two events during the first read are one more read, of the file as it is then.
    expect(seen).toEqual(['first', 'third']);
  });

  it('does not read a file that was removed after its event', async () => {
    const { emitter, seen } = setup();
    const path = newFile('gone soon');
    emitter.emit('change', path);
    unlinkSync(path);
    await sleep(SETTLE * 5);
    expect(seen).toEqual(['gone soon']);
  });

  it('hands other events through as they are, and off() removes a listener it wrapped', async () => {
    const emitter = new EventEmitter();
    const watcher = settledWatcher(emitter as unknown as Watcher, SETTLE);
    const unlinked: string[] = [];
    watcher.on('unlink', (path: string) => unlinked.push(path));
    emitter.emit('unlink', '/gone.md');
    expect(unlinked).toEqual(['/gone.md']);

    const changed: string[] = [];
    const listener = (path: string) => changed.push(path);
    watcher.on('change', listener);
    watcher.off('change', listener);
    emitter.emit('change', newFile('x'));
    expect(changed).toEqual([]);
    expect(emitter.listenerCount('change')).toBe(0);
  });
});

describe('followEveryWrite', () => {
  it('keeps the loader’s name, and gives its load() the build’s context unchanged when there is no watcher', async () => {
    const contexts: LoaderContext[] = [];
    const inner: Loader = { name: 'glob-loader', load: async (context) => void contexts.push(context) };
    const loader = followEveryWrite(inner);
    expect(loader.name).toBe('glob-loader');

    const build = { collection: 'articles' } as LoaderContext;
    await loader.load(build);
    expect(contexts[0]).toBe(build);

    const emitter = new EventEmitter();
    const seen: string[] = [];
    await loader.load({ collection: 'articles', watcher: emitter as unknown as Watcher } as LoaderContext);
    contexts[1]!.watcher!.on('change', (path: string) => void seen.push(readFileSync(path, 'utf8')));
    const path = newFile('before');
    emitter.emit('change', path);
    writeFileSync(path, 'after');
    await vi.waitFor(() => expect(seen.at(-1)).toBe('after'), { timeout: 2000, interval: 10 });
  });
});
