import { statSync } from 'node:fs';
import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Makes the dev server's content loaders see the LAST write to a file, not
 * only the first of a quick series.
 *
 * Astro's glob loader reads a file once per watcher event, when the event
 * arrives (`onChange` in node_modules/astro/dist/content/loaders/glob.js,
 * registered with `watcher.on('change' | 'add')`). The watcher is Vite's
 * bundled chokidar 3, which drops every 'change' of a path that comes within
 * 50 ms of the previous one it emitted (`FSWatcher._emit`, `_throttle(EV_CHANGE,
 * path, 50)`, in node_modules/vite/dist/node/chunks/node.js) and keeps no
 * trailing event. So when a file is written twice in quick succession — an
 * author saving again, an editor that truncates the file and then writes it,
 * or one `writeFileSync` whose truncation and write a busy machine pulls
 * apart — the loader reads the first version (or an empty file, which fails
 * the schema), the event for the final one never comes, and the dev server
 * serves the old text until the next save.
 *
 * Each wrapped listener therefore looks at the file again once chokidar can
 * no longer have swallowed a write, and runs again if the file changed since
 * it was read. Calls for one path never overlap either: the glob loader does
 * not serialise them, and a slower, older read finishing last would store the
 * older version.
 */

/** Longer than chokidar's 50 ms window, so a write it swallowed is seen by then. */
export const SETTLE_MS = 100;

type Listener = (path: string, ...rest: unknown[]) => unknown;
type Watcher = NonNullable<LoaderContext['watcher']>;

/** The events on which the glob loader reads a file. */
const READ_ON = new Set(['add', 'change']);

/** One version of a file: any write changes its size, mtime or ctime. */
function version(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return undefined; // removed: the 'unlink' event takes it from there
  }
}

interface FileState {
  running: boolean;
  again: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * `listener`, called for one path at a time, and called again after
 * `settleMs` whenever the file changed while or after it was read.
 */
export function untilSettled(listener: Listener, settleMs: number = SETTLE_MS): Listener {
  const files = new Map<string, FileState>();

  const run = async (path: string, state: FileState, rest: unknown[]): Promise<void> => {
    clearTimeout(state.timer);
    state.running = true;
    // Taken before the listener starts reading, so any later write shows in the look below.
    const before = version(path);
    try {
      await listener(path, ...rest);
    } finally {
      state.running = false;
    }
    if (state.again) {
      state.again = false;
      return run(path, state, []);
    }
    state.timer = setTimeout(() => {
      const now = version(path);
      if (now !== undefined && now !== before) void run(path, state, []);
      else files.delete(path);
    }, settleMs);
  };

  return (path, ...rest) => {
    let state = files.get(path);
    if (state?.running) {
      state.again = true; // runs as soon as the current call ends, and reads the file anew
      return;
    }
    if (!state) files.set(path, (state = { running: false, again: false }));
    return run(path, state, rest);
  };
}

/** `watcher`, handing loaders' 'add' and 'change' listeners through `untilSettled`. */
export function settledWatcher(watcher: Watcher, settleMs: number = SETTLE_MS): Watcher {
  const wrapped = new WeakMap<Listener, Listener>();
  const wrap = (event: unknown, listener: Listener): Listener => {
    if (typeof event !== 'string' || !READ_ON.has(event)) return listener;
    let settled = wrapped.get(listener);
    if (!settled) wrapped.set(listener, (settled = untilSettled(listener, settleMs)));
    return settled;
  };
  return new Proxy(watcher, {
    get(target, prop, receiver) {
      if (prop !== 'on' && prop !== 'off') return Reflect.get(target, prop, receiver);
      const method = Reflect.get(target, prop, receiver) as (event: unknown, listener: Listener) => unknown;
      return (event: unknown, listener: Listener) => method.call(target, event, wrap(event, listener));
    },
  });
}

/** `loader`, given a settled watcher in the dev server (builds have no watcher and are unchanged). */
export function followEveryWrite(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => loader.load(context.watcher ? { ...context, watcher: settledWatcher(context.watcher) } : context),
  };
}
