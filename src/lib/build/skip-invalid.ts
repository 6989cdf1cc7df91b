import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * `loader`, leaving out of the store in the dev server an entry its schema
 * rejects. The validation pass has already printed the report naming the
 * file and the field (src/integrations/chronicle.ts); without this, Astro's
 * own error for the same entry follows it with a stack trace, and on a tree
 * that is broken when `astro dev` starts, the server stops instead of
 * serving the other files. Builds (no watcher) are unchanged: a broken tree
 * never gets this far.
 */
export function skipInvalidInDev(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => (context.watcher ? loader.load(leavingOutInvalid(context)) : loader.load(context)),
  };
}

function leavingOutInvalid(context: LoaderContext): LoaderContext {
  const rejected = new Set<string>();
  const parseData: LoaderContext['parseData'] = async (props) => {
    try {
      const data = await context.parseData(props);
      rejected.delete(props.id);
      return data;
    } catch {
      rejected.add(props.id);
      return props.data;
    }
  };
  const store = new Proxy(context.store, {
    get(target, prop, receiver) {
      if (prop !== 'set') {
        const value: unknown = Reflect.get(target, prop, receiver);
        // Bound to the store itself, which may keep its entries in private fields.
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (entry: Parameters<LoaderContext['store']['set']>[0]) => {
        // A file that was valid and is now broken: its last valid version goes too, as in a build.
        if (rejected.has(entry.id)) return (target.delete(entry.id), false);
        return target.set(entry);
      };
    },
  });
  return { ...context, parseData, store };
}
