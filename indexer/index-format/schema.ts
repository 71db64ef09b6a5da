/**
 * The index format: every file of an index folder and of its published part, described once and
 * validated by both readers. Bump INDEX_FORMAT_VERSION whenever a file changes shape, so an old index
 * is refused with a clear message rather than misread.
 *
 * Layout (format 6). An index folder holds `manifest.json`, for a dense embedder `hnsw.bin` (the
 * graph keeps the only float copy of the vectors), `faq.json` (the FAQ entries `kojo ask` shows above
 * its answers: read from the index, not the content, so a question never parses YAML), and `browser/`, the part a site publishes and
 * Node reads too: one small entry file with a fixed name and numbered shards named with the hash of
 * their kind's content (so a browser may cache them for ever; see ShardSet):
 *   - `t/…json` terms, bucketed by hash: the embedder's per-term value (the built-in one's idf)
 *     and the BM25 postings with their precomputed scores;
 *   - `d/…bin`  sparse vectors (built-in embedder) as inverted lists, bucketed by dimension;
 *   - `v/…bin`  dense vectors (e5) as int8 rows, in clause order;
 *   - `c/…json` clause records in clause order; `i/…json` every clause id (keyword search).
 * A question reads the entry, the term shards of its words, the dimension shards of its vector and
 * the records of its answers: never the whole corpus.
 *
 * The entries are of two kinds: a guideline's units (the project's clauses, and imported official
 * text as one entry per passage) and the practice notes, which belong to no guideline. The entry file
 * says which entries are which (`runs`) and which passages make one unit (`units`), so ranking needs
 * no record.
 */
import { z } from 'zod';
import { Clause, FaqItem, GuidelineInfo, ItemKind, Related } from '../corpus/index.ts';

/** 7: a unit's record carries its English summary (`summaryEn`), which results for English questions show. */
export const INDEX_FORMAT_VERSION = 7;

/** Files of an index folder (Node). */
export const indexFiles = {
  /** Written last: a folder without one was never finished. */
  manifest: 'manifest.json',
  /** Dense embedders only. */
  hnsw: 'hnsw.bin',
  /** Node only: the site's search page carries its FAQ in the page. */
  faq: 'faq.json',
  /** The published part, copied as is into a site. */
  browser: 'browser',
} as const;

/** The one file of the published part with a fixed name: everything else is named inside it. */
export const browserFiles = { entry: 'entry.json' } as const;

export const HnswParams = z.object({
  space: z.literal('cosine'),
  M: z.number().int(),
  efConstruction: z.number().int(),
  efSearch: z.number().int(),
});
export type HnswParams = z.infer<typeof HnswParams>;

/** How vectors are kept: `sparse` ones (mostly zeros) as inverted lists, searched exactly; `dense` ones in HNSW. */
export const VectorStorage = z.enum(['sparse', 'dense']);
export type VectorStorage = z.infer<typeof VectorStorage>;

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
  vectors: VectorStorage,
  /** Dense storage only. */
  hnsw: HnswParams.nullable(),
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * An entry as the index keeps it: enough to rank, show and link it. `kind: unit` is a guideline's
 * clause, or one passage of its official text (`unit` names the clause, `url` lands on the passage,
 * `pages` is the passage's page). `kind: note` is a practice note: no guideline, no chapter or section
 * (empty), and the units it relates to.
 */
export const IndexedClause = Clause.pick({
  id: true,
  guideline: true,
  chapter: true,
  chapterTitle: true,
  section: true,
  title: true,
  en: true,
  summaryEn: true,
  basis: true,
  verified: true,
  url: true,
  text: true,
  pages: true,
}).extend({
  /** A unit's guideline; a note has none. */
  guideline: z.string().optional(),
  kind: ItemKind,
  /** A passage of official text: the id of the clause (the whole unit) it is part of. */
  unit: z.string().optional(),
  sources: z.array(z.string()).optional(),
  relates: z.array(z.string()).optional(),
  /**
   * A unit's attached practice notes, by title (Japanese and English): the reading page shows them
   * with the unit, and a practical question reaches the unit through them.
   */
  notes: z.array(z.string()).optional(),
});
export type IndexedClause = z.infer<typeof IndexedClause>;

/** A counterpart as search shows it (the mapping's rationale stays on the clause pages). */
export const CounterpartRef = Related.pick({ id: true, relationship: true }).passthrough();
export type CounterpartRef = z.infer<typeof CounterpartRef>;

/** An FAQ entry as `kojo ask` shows it (its citations stay on the FAQ page). */
export const FaqRecord = FaqItem.pick({ id: true, question: true, answer: true });
export type FaqRecord = z.infer<typeof FaqRecord>;
export const FaqRecords = z.array(FaqRecord);

export const SynonymGroups = z.array(z.object({ id: z.string(), forms: z.array(z.string()) }));

/** What search needs besides vectors: the guidelines in order, clauses in index order, counterparts, synonyms. */
export const SearchData = z.object({
  guidelines: z.array(GuidelineInfo).min(1),
  clauses: z.array(IndexedClause),
  related: z.record(z.array(CounterpartRef)),
  synonyms: SynonymGroups,
});
export type SearchData = z.infer<typeof SearchData>;

/**
 * The embedder's own state, always a JSON object or null. The embedder itself checks the fields it
 * needs when it reopens; a per-term table it names (Embedder.perTerm) is kept by term instead.
 */
export const EmbedderState = z.record(z.string(), z.unknown());

/** The manifest a site publishes: without the build machine's folder. */
export const BrowserManifest = Manifest.omit({ contentDir: true });
export type BrowserManifest = z.infer<typeof BrowserManifest>;

/**
 * The shards of one kind: how many, and the hash of all their content. A shard's name is its kind's
 * folder, its number and that hash (`c/12.0123456789abcdef.json`): fixed for a given content, so a
 * browser may cache it for ever; listed in the entry by two numbers, not thousands of names.
 */
const ShardSet = z.object({
  count: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{16}$/, 'not a content hash'),
});
export type ShardSet = z.infer<typeof ShardSet>;

export const shardKinds = {
  terms: ['t', 'json'],
  dims: ['d', 'bin'],
  dense: ['v', 'bin'],
  clauses: ['c', 'json'],
  ids: ['i', 'json'],
} as const;
export type ShardKind = keyof typeof shardKinds;

/**
 * The bounds every writer keeps and every reader checks before it makes a name or an array from a
 * count: at most this many term or dimension shards, records per clause shard, and bytes of dense
 * rows per shard (its rows per shard follow from the dimension).
 */
export const shardLimits = { buckets: 4096, clausesPerShard: 256, denseShardBytes: 48_000 } as const;

/** How many dense rows a shard holds for this dimension (the writer's rule, the reader's bound). */
export const denseRowsPerShard = (dimension: number) =>
  Math.max(1, Math.floor(shardLimits.denseShardBytes / (dimension + 4)));

/** The names of a kind's shards, in order. */
export function shardNames(kind: ShardKind, set: ShardSet): string[] {
  const [folder, ext] = shardKinds[kind];
  return Array.from({ length: set.count }, (_, i) => `${folder}/${i}.${set.hash}.${ext}`);
}

/** `entry.json`: what every question needs, and where everything else is. */
export const Entry = z.object({
  manifest: BrowserManifest,
  guidelines: z.array(GuidelineInfo).min(1),
  synonyms: SynonymGroups,
  /**
   * Entries in index order as runs of one kind and guideline: [kind, position in `guidelines` (null
   * for notes), count].
   */
  runs: z.array(
    z
      .tuple([ItemKind, z.number().int().nonnegative().nullable(), z.number().int().positive()])
      .refine(([kind, g]) => (kind === 'note') === (g === null), 'a unit run names its guideline, a note run none'),
  ),
  /** Passages of one official unit, as [first entry, count]: search answers with a unit's best passage only. */
  units: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])),
  embedderState: EmbedderState.nullable(),
  /** The name of the embedder's per-term table inside its state, when it keeps one by term. */
  perTerm: z.string().nullable(),
  shards: z.object({
    /** Term shards; a term lives in shard fnv1a(term) % count. */
    terms: ShardSet,
    /** Sparse storage: dimension d lives in shard d % count. */
    dims: ShardSet,
    /** Dense storage: clause rows in order, `rowsPerShard` each. */
    dense: ShardSet,
    rowsPerShard: z.number().int().positive(),
    /** Clause records in order, `clausesPerShard` each. */
    clauses: ShardSet,
    clausesPerShard: z.number().int().positive(),
    /** One shard: every clause id in order. */
    ids: ShardSet,
  }),
});
export type Entry = z.infer<typeof Entry>;

/** A number array checked in one loop: shards hold many thousands of them, too many for zod's per-item work. */
const isNumbers = (ok: (x: number) => boolean) => (v: unknown) =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && ok(x));
const isNatural = (x: number) => Number.isInteger(x) && x >= 0;
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);
const termFields = {
  w: optional((v) => typeof v === 'number' && Number.isFinite(v)),
  d: optional(isNumbers(isNatural)),
  s: optional(isNumbers(Number.isFinite)),
  h: optional(isNumbers(isNatural)),
};

/** One term of a term shard: see TermShard. */
export interface TermEntry {
  w?: number;
  d?: number[];
  s?: number[];
  h?: number[];
}

/**
 * A term shard: per term, the embedder's value (`w`) and the BM25 postings — clause indexes as gaps
 * from the previous one (`d`), each with its precomputed score (`s`). Terms carrying almost no
 * information keep their value but no postings, only the clauses that hold them, as gaps (`h`; see lexical.ts).
 * Checked in one loop: a question reads a few hundred terms, and a zod object per term cost a one-shot
 * `kojo ask` more than its ranking.
 */
export const TermShard = z.custom<Record<string, TermEntry>>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v as Record<string, TermEntry | null>).every(
      (t) =>
        typeof t === 'object' &&
        t !== null &&
        !Array.isArray(t) &&
        termFields.w(t.w) &&
        termFields.d(t.d) &&
        termFields.s(t.s) &&
        termFields.h(t.h),
    ),
  'not a term shard (per term: a value w, clause gaps d with scores s, holders h)',
);
export type TermShard = z.infer<typeof TermShard>;

/** What a result shows of a counterpart: its place, title and link, and the index of its own record. */
export const CounterpartShown = IndexedClause.pick({
  id: true,
  guideline: true,
  chapter: true,
  section: true,
  title: true,
  url: true,
}).extend({
  /** A counterpart is always a unit of a guideline. */
  guideline: z.string(),
  relationship: Related.shape.relationship,
  at: z.number().int().nonnegative(),
});
export type CounterpartShown = z.infer<typeof CounterpartShown>;

/** A clause record: the clause and its counterparts as shown — so showing them reads nothing more. */
export const ClauseRecord = IndexedClause.extend({ related: z.array(CounterpartShown) });
export type ClauseRecord = z.infer<typeof ClauseRecord>;
export const ClauseShard = z.array(ClauseRecord);
export const IdShard = z.array(z.string());
