/**
 * What opening an index for questions says in Node (indexer/search/open.ts: kojo ask, kojo serve).
 * Its own module because the search room's files read parts, never the whole dictionary (a page's
 * script bundles what search imports); ../ja.ts composes it with the others.
 */
export const searchOpen = {
  'search.open.otherEmbedder': (p: { dir: string; built: string; choice: string }) =>
    `index at ${p.dir} was built with embedder ${p.built}, not ${p.choice}; rebuild it with "kojo build-index --embedder ${p.choice}", or ask without --embedder`,
  'search.open.unknownEmbedder': (p: { dir: string; built: string }) =>
    `index at ${p.dir} was built with embedder ${p.built}, which this kojo does not know; rebuild it with "kojo build-index"`,
  'search.open.embedderCannotRun': (p: { dir: string; built: string; reason: string }) =>
    `index at ${p.dir} was built with embedder ${p.built}, which cannot run here: ${p.reason}`,
  'search.open.betterEmbedder': (p: { dir: string; built: string; preferred: string; rebuild: string }) =>
    `index at ${p.dir} was built with ${p.built}; ${p.preferred} is available here — run "${p.rebuild}" to use it`,
  'search.open.hnswUnreadable': 'hnsw.bin cannot be read',
} satisfies Record<string, string | ((params: never) => string)>;
