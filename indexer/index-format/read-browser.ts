/**
 * The browser's reader of a published index: plain same-origin fetches of static files (the entry
 * first, then only the shards a question needs; see store.ts), each checked against the format, so a
 * stale or damaged export fails with a message instead of wrong results. Every shard is named by its
 * content, so the browser's cache keeps it across visits and rebuilds that did not change it.
 */
import { corruptIndex } from './errors.ts';
import { openStore, type IndexStore } from './store.ts';

export async function readBrowserIndex(dirUrl: string, fetcher: typeof fetch = fetch): Promise<IndexStore> {
  return openStore(dirUrl, async (file) => {
    const r = await fetcher(`${dirUrl}${file}`);
    if (!r.ok) throw corruptIndex(dirUrl, `${file}: ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  });
}
