import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import contentStore from '../../src/integrations/content-store.ts';

const STORE_ID = '\0astro:data-layer-content';
const cacheDir = mkdtempSync(join(tmpdir(), 'chronicle-store-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

type Load = { order?: string; filter: { id: RegExp }; handler: (id: string) => { code: string; meta: unknown } | null };
type Plugin = { apply?: string; enforce?: string; load: Load };

/** The Vite plugins the integration adds for an Astro config with this storage. */
function pluginsFor(collectionStorage?: unknown): Plugin[] {
  const plugins: Plugin[] = [];
  const setup = contentStore().hooks['astro:config:setup'] as (options: unknown) => void;
  setup({
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), experimental: { collectionStorage } },
    updateConfig: (update: { vite: { plugins: Plugin[] } }) => plugins.push(...update.vite.plugins),
  });
  return plugins;
}

describe('the content store module', () => {
  const store = { articles: ['2024/01/a'], text: 'Tehran — «تهران» "quoted" \\ line\nbreak' };

  it('is loaded before Astro loads it, in builds only, and reads the store file when pages are built', async () => {
    const [plugin] = pluginsFor();
    expect(plugin).toMatchObject({ apply: 'build', enforce: 'pre', load: { order: 'pre' } });
    expect(plugin!.load.filter.id.test(STORE_ID)).toBe(true);
    expect(plugin!.load.filter.id.test('\0astro:content')).toBe(false);

    writeFileSync(join(cacheDir, 'data-store.json'), JSON.stringify({ old: true }));
    const loaded = plugin!.load.handler(STORE_ID);
    // Bundling does not read the store: the module holds its path, not its content.
    expect(loaded!.code).not.toContain('old');
    expect(loaded!.meta).toEqual({ astroIncremental: { kind: 'content-data' } });

    writeFileSync(join(cacheDir, 'data-store.json'), JSON.stringify(store));
    const module = await import(`data:text/javascript,${encodeURIComponent(loaded!.code)}`);
    expect(module.default).toEqual(store);
  });

  it("leaves Astro's load in place without a store file or with chunked storage", () => {
    const [plugin] = pluginsFor('single-file');
    rmSync(join(cacheDir, 'data-store.json'), { force: true });
    expect(plugin!.load.handler(STORE_ID)).toBeNull();
    expect(pluginsFor('chunked')).toEqual([]);
    expect(pluginsFor({ chunkSize: 1024 })).toEqual([]);
  });
});
