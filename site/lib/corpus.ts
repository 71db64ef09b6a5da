/**
 * The content collections as the pages use them: typed, in reading order, with the lookups every
 * page needs (a clause by id, a chapter's clauses, counterparts, relevant terms). Loaded once per build.
 */
import { getCollection } from 'astro:content';
import { normalizeText } from '../../indexer/normalize.ts';
import { inverseRelationship, relatedIndex, type Related } from '../../indexer/related.ts';
import {
  guidelineKeys,
  mappingLevel,
  type ChapterMeta,
  type Clause,
  type FaqEntry,
  type GlossaryTerm,
  type GuidelineKey,
  type GuidelineMeta,
  type MappingEntry,
  type MappingLevel,
} from '../../indexer/schema.ts';
import { findSynonyms, synonymGroups } from '../../indexer/synonyms.ts';

export type SiteMapping = MappingEntry & { level: MappingLevel };
export type Term = Omit<GlossaryTerm, 'file' | 'line'>;
export type Faq = Omit<FaqEntry, 'file' | 'line'>;

export interface Chapter extends ChapterMeta {
  guideline: GuidelineKey;
  clauses: Clause[];
}

/** A chapter-level counterpart, read from this chapter's side. */
export interface ChapterCounterpart {
  ref: string | null;
  relationship: SiteMapping['relationship'];
  mapping: SiteMapping;
}

export interface SiteCorpus {
  guidelines: GuidelineMeta[];
  clauses: Clause[];
  mappings: SiteMapping[];
  glossary: Term[];
  faq: Faq[];
  guideline(key: GuidelineKey): GuidelineMeta;
  chapters(key: GuidelineKey): Chapter[];
  chapter(ref: string): Chapter | undefined;
  clause(id: string): Clause | undefined;
  /** Clause-level counterparts in the other guideline, both mapping directions. */
  related(id: string): Related[];
  /** no-counterpart entries whose `from` is this clause or chapter ref. */
  noCounterpart(ref: string): SiteMapping[];
  chapterCounterparts(key: GuidelineKey, label: string): ChapterCounterpart[];
  termsFor(clause: Clause): Term[];
}

let loaded: Promise<SiteCorpus> | undefined;

export function siteCorpus(): Promise<SiteCorpus> {
  return (loaded ??= build());
}

async function build(): Promise<SiteCorpus> {
  const [g, c, m, t, f] = await Promise.all([
    getCollection('guidelines'),
    getCollection('clauses'),
    getCollection('mappings'),
    getCollection('glossary'),
    getCollection('faq'),
  ]);
  const guidelines = guidelineKeys.map((key) => {
    const meta = g.find((e) => e.data.key === key)?.data;
    if (!meta) throw new Error(`content/guidelines.yml has no entry for ${key}`);
    return meta;
  });
  const clauses = c
    .map((e) => e.data)
    .sort((a, b) => guidelineKeys.indexOf(a.guideline) - guidelineKeys.indexOf(b.guideline) || a.order - b.order);
  const mappings = m.map((e): SiteMapping => ({ ...e.data, level: mappingLevel(e.data.from) }));
  const glossary = t.map((e) => e.data);
  const faq = f.map((e) => e.data);

  const byId = new Map(clauses.map((cl) => [cl.id, cl]));
  const chaptersByKey = new Map(
    guidelines.map((meta) => [
      meta.key,
      meta.chapters.map((ch) => ({
        ...ch,
        guideline: meta.key,
        clauses: clauses.filter((cl) => cl.guideline === meta.key && cl.chapter === ch.label),
      })),
    ]),
  );
  const related = relatedIndex(mappings.filter((mp) => mp.level === 'clause'));
  const groups = synonymGroups(glossary);

  return {
    guidelines,
    clauses,
    mappings,
    glossary,
    faq,
    guideline: (key) => guidelines.find((gm) => gm.key === key)!,
    chapters: (key) => chaptersByKey.get(key) ?? [],
    chapter(ref) {
      const [key, label] = ref.split(':') as [GuidelineKey, string];
      return chaptersByKey.get(key)?.find((ch) => ch.label === label);
    },
    clause: (id) => byId.get(id),
    related: (id) => related[id] ?? [],
    noCounterpart: (ref) => mappings.filter((mp) => mp.to === null && mp.from === ref),
    chapterCounterparts(key, label) {
      const ref = `${key}:${label}`;
      return mappings
        .filter((mp) => mp.level === 'chapter' && (mp.from === ref || mp.to === ref))
        .map((mp) =>
          mp.from === ref
            ? { ref: mp.to, relationship: mp.relationship, mapping: mp }
            : { ref: mp.from, relationship: inverseRelationship(mp.relationship), mapping: mp },
        );
    },
    termsFor(clause) {
      // Listed by the term, or named in the clause (same matching as the search's synonyms).
      const named = new Set(findSynonyms(normalizeText(`${clause.title}\n${clause.text}`), groups).map((s) => s.id));
      return glossary.filter((term) => term.clauses.includes(clause.id) || named.has(term.id));
    },
  };
}
