/**
 * The index format: every file of an index folder and of the browser export, described once and
 * validated with zod by both readers. Bump INDEX_FORMAT_VERSION whenever a file changes shape, so an
 * old index is refused with a clear message rather than misread.
 */
import { z } from 'zod';
import { Clause, GuidelineInfo, ItemKind, Related } from '../corpus/index.ts';

export const INDEX_FORMAT_VERSION = 3;

/** Files of an index folder (Node). */
export const indexFiles = {
  /** Written last: a folder without one was never finished. */
  manifest: 'manifest.json',
  data: 'data.json',
  /** Only when the index's embedder keeps state (see Embedder.state). */
  embedderState: 'embedder-state.json',
  vectors: 'vectors.f32',
  hnsw: 'hnsw.bin',
  lexical: 'lexical.json',
  /** The browser export, copied as is into a site. */
  browser: 'browser',
} as const;

/** Files of the browser export, relative to its folder. */
export const browserFiles = {
  data: 'search-data.json',
  vectors: 'vectors.i8',
  /** The BM25 index, prebuilt: loading it is ~5× faster than building it in the page. */
  lexical: 'lexical.json',
} as const;

export const HnswParams = z.object({ space: z.literal('cosine'), M: z.number().int(), efConstruction: z.number().int(), efSearch: z.number().int() });
export type HnswParams = z.infer<typeof HnswParams>;

export const Manifest = z.object({
  formatVersion: z.number().int(),
  /** `name` is the plug-in (`--embedder`), `id` the exact model its vectors come from. */
  embedder: z.object({ name: z.string(), id: z.string(), dimension: z.number().int().positive() }),
  /** The content folder it was built from (absolute) and its fingerprint, to tell a stale index. */
  contentDir: z.string(),
  contentHash: z.string(),
  clauseCount: z.number().int().positive(),
  builtAt: z.string(),
  buildMs: z.number(),
  hnsw: HnswParams,
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * A clause or a practice note as the index keeps it: enough to rank, show and link it. A note's
 * `guideline` is the notes group (NOTES_KEY), so it ranks apart from every guideline's units; it has
 * no chapter or section (empty) and lists the units it relates to.
 */
export const IndexedClause = Clause.pick({
  id: true,
  guideline: true,
  chapter: true,
  chapterTitle: true,
  section: true,
  title: true,
  en: true,
  basis: true,
  verified: true,
  url: true,
  text: true,
  pages: true,
}).extend({
  /** A guideline key, or NOTES_KEY for a note (a reserved key, so never a guideline's). */
  guideline: z.string(),
  /** Absent in an index entry means `unit` (older writers, hand-made test data). */
  kind: ItemKind.optional(),
  sources: z.array(z.string()).optional(),
  relates: z.array(z.string()).optional(),
  /**
   * A unit's attached practice notes, by title (Japanese and English): the reading page shows them
   * with the unit, and a practical question reaches the unit through them.
   */
  notes: z.array(z.string()).optional(),
});
export type IndexedClause = z.infer<typeof IndexedClause>;

/** What search needs besides vectors: the guidelines in order, clauses in index order, counterparts, synonyms. */
export const SearchData = z.object({
  guidelines: z.array(GuidelineInfo).min(1),
  clauses: z.array(IndexedClause),
  related: z.record(z.array(Related)),
  synonyms: z.array(z.object({ id: z.string(), forms: z.array(z.string()) })),
});
export type SearchData = z.infer<typeof SearchData>;

/**
 * `embedder-state.json`: whatever the embedder keeps, always a JSON object (the writer leaves the file
 * out for an embedder that keeps none, so `null` or a bare value there is damage). The embedder
 * itself checks the fields it needs when it reopens.
 */
export const EmbedderState = z.record(z.string(), z.unknown());

/**
 * `lexical.json`: MiniSearch's own serialisation, which MiniSearch checks when loading; the format
 * pins what the index relies on — one document per clause.
 */
export const LexicalIndexHeader = z
  .object({ documentCount: z.number().int().nonnegative(), documentIds: z.record(z.string(), z.unknown()), fieldIds: z.record(z.string(), z.number()), index: z.array(z.unknown()) })
  .passthrough();
export type LexicalIndexJson = z.output<typeof LexicalIndexHeader>;

/** The manifest a site publishes: without the build machine's folder. */
export const BrowserManifest = Manifest.omit({ contentDir: true });
export type BrowserManifest = z.infer<typeof BrowserManifest>;

/** `browser/search-data.json`: the manifest, the data, the embedder's state and the int8 row scales. */
export const BrowserExport = z.object({
  manifest: BrowserManifest,
  data: SearchData,
  embedderState: EmbedderState.nullable().optional(),
  scales: z.array(z.number().finite()),
});
export type BrowserExport = z.infer<typeof BrowserExport>;

/** Everything an index holds once read, in Node or in the browser, before search builds on it. */
export interface IndexContents {
  manifest: BrowserManifest;
  data: SearchData;
  /** The embedder's own state (null when it keeps none). */
  embedderState: unknown;
  /** The BM25 index as MiniSearch's plain object, parsed once (search loads it without re-parsing). */
  lexical: LexicalIndexJson;
}
