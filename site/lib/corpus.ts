/**
 * The corpus as the pages use it: loaded once per build with the project's own loader and checker
 * (so the site shows exactly what `kojo check` accepts; invalid content fails the build with the
 * checker's first `file:line`), plus the lookups every page needs (a clause by id, a chapter's
 * clauses, counterparts in any other guideline, relevant terms).
 */
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import {
  counterparts,
  formerIdMap,
  includeList,
  inverseRelationship,
  mappingFramework,
  notesByUnit,
  publishedCorpus,
  parseChapterRef,
  type ChapterMeta,
  type Clause,
  type Corpus,
  type GlossaryTerm,
  type GuidelineMeta,
  type Mapping,
  type Note,
  type Related,
  type RelationshipCode,
  type Source,
} from '../../indexer/corpus/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import { findSynonyms, normalizeText, synonymGroups } from '../../indexer/text/index.ts';
import type { SourceTitles } from './render-markdown.ts';

/**
 * The content folder: what the build passed (scripts/tools/build-site.ts), else the default
 * astro.config.mjs defines (the repo's content/), else content/ under the working directory.
 */
const contentDir = resolve(import.meta.env.KOJO_CONTENT_DIR || 'content');
/** Guidelines whose official text the builder opted in to publish (`npm run build -- --include-official`). */
const includeOfficial = includeList(import.meta.env.KOJO_INCLUDE_OFFICIAL);

export interface Chapter extends ChapterMeta {
  guideline: string;
  clauses: Clause[];
}

/** A chapter-level counterpart, read from this chapter's side (`ref` is null for no-counterpart). */
export interface ChapterCounterpart {
  ref: string | null;
  relationship: RelationshipCode;
  mapping: Mapping;
}

export interface SiteCorpus extends Corpus {
  /** A guideline of the registry; an unknown key is a bug in the page asking. */
  guideline(key: string): GuidelineMeta;
  chapters(key: string): Chapter[];
  /** A chapter ref (`meti:3`). */
  chapter(ref: string): Chapter | undefined;
  clause(id: string): Clause | undefined;
  /** Clause-level counterparts in every other guideline, both directions, in registry order (official text: its unit's). */
  related(id: string): Related[];
  /** no-counterpart entries that speak for this clause id (official text: its unit's) or chapter ref. */
  noCounterpart(ref: string): Mapping[];
  chapterCounterparts(key: string, label: string): ChapterCounterpart[];
  termsFor(clause: Pick<Clause, 'id' | 'title' | 'text'>): GlossaryTerm[];
  /** The guideline a clause id or chapter ref belongs to. */
  guidelineOf(ref: string): string | undefined;
  note(id: string): Note | undefined;
  /** Practice notes attached to a unit's clause, in note order. */
  notesFor(clauseId: string): Note[];
  source(id: string): Source | undefined;
  /** What cites a source: clauses (reading order), notes, glossary terms. */
  citing(sourceId: string): { clauses: Clause[]; notes: Note[]; terms: GlossaryTerm[] };
  /** Old clause id → its id now (a note's former clause ids, clauses merged into one). */
  formerIds: Record<string, string>;
  /** Hover text of each citation (renderMarkdown's second argument). */
  sourceTitles: SourceTitles;
}

let loaded: Promise<SiteCorpus> | undefined;

export function siteCorpus(): Promise<SiteCorpus> {
  return (loaded ??= loadValidContent(contentDir).then((corpus) => lookups(publishedCorpus(corpus, includeOfficial))));
}

// `astro dev`: an edit under content/ (or a fix after invalid content) is read on the next request.
if (import.meta.env.DEV) watch(contentDir, { recursive: true }, () => (loaded = undefined)).unref();

function lookups(corpus: Corpus): SiteCorpus {
  const { guidelines, clauses, mappings, glossary, notes, sources } = corpus;
  const notesById = new Map(notes.map((n) => [n.id, n]));
  const attached = notesByUnit(notes);
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const byId = new Map(clauses.map((cl) => [cl.id, cl]));
  const chaptersByKey = new Map(
    guidelines.all.map((meta) => [
      meta.key,
      meta.chapters.map(
        (ch): Chapter => ({
          ...ch,
          guideline: meta.key,
          clauses: clauses.filter((cl) => cl.guideline === meta.key && cl.chapter === ch.label),
        }),
      ),
    ]),
  );
  const guidelineOf = (ref: string) => (ref.includes(':') ? parseChapterRef(ref).guideline : byId.get(ref)?.guideline);
  const rule = counterparts(corpus);
  const groups = synonymGroups(glossary);

  return {
    ...corpus,
    guideline(key) {
      const meta = guidelines.get(key);
      if (!meta) throw new Error(`no guideline "${key}" in guidelines.yml`);
      return meta;
    },
    chapters: (key) => chaptersByKey.get(key) ?? [],
    chapter(ref) {
      const { guideline, label } = parseChapterRef(ref);
      return chaptersByKey.get(guideline)?.find((ch) => ch.label === label);
    },
    clause: (id) => byId.get(id),
    related: rule.counterpartsOf,
    // Between guidelines: a no-counterpart in a reference framework is shown with the crosswalk (crosswalkOf).
    noCounterpart: (ref) => rule.noCounterpartOf(ref).filter((m) => !mappingFramework(m, guidelines)),
    chapterCounterparts(key, label) {
      const ref = `${key}:${label}`;
      return mappings
        .filter((mp) => mp.level === 'chapter' && (mp.from === ref || mp.to === ref))
        .map(
          (mp): ChapterCounterpart =>
            mp.from === ref
              ? { ref: mp.to, relationship: mp.relationship, mapping: mp }
              : { ref: mp.from, relationship: inverseRelationship(mp.relationship), mapping: mp },
        )
        .sort(
          (a, b) =>
            (a.ref === null ? 1 : 0) - (b.ref === null ? 1 : 0) ||
            guidelines.rank(guidelineOf(a.ref ?? '') ?? '') - guidelines.rank(guidelineOf(b.ref ?? '') ?? ''),
        );
    },
    termsFor(clause) {
      // Listed by the term, or named in the clause (same matching as the search's synonyms).
      const named = new Set(findSynonyms(normalizeText(`${clause.title}\n${clause.text}`), groups).map((s) => s.id));
      return glossary.filter((term) => term.clauses.includes(clause.id) || named.has(term.id));
    },
    guidelineOf,
    note: (id) => notesById.get(id),
    notesFor: (id) => attached.get(id) ?? [],
    source: (id) => sourcesById.get(id),
    citing: (id) => ({
      clauses: clauses.filter((c) => c.sources.includes(id)),
      notes: notes.filter((n) => n.sources.includes(id)),
      terms: glossary.filter((t) => t.sources.includes(id)),
    }),
    formerIds: formerIdMap([...clauses, ...notes]),
    sourceTitles: new Map(sources.map((src) => [src.id, `${src.id} ${src.publisher}：${src.title}`])),
  };
}
