/**
 * What every export format reads from the corpus: the guidelines chosen, each as chapters holding
 * their units in reading order, and the mappings between two chosen guidelines. Pure functions over
 * the corpus model, so the CLI and the site build export exactly the same content.
 */
import {
  chapterName,
  mappingLevel,
  mappingsFor,
  parseChapterRef,
  type ChapterMeta,
  type Clause,
  type Corpus,
  type GuidelineMeta,
  type Mapping,
} from '../corpus/index.ts';
import { checklistData, type ChecklistData } from '../assessment/index.ts';
import { KojoError } from '../errors/index.ts';
import type { ExportContext, ExportFile } from './file.ts';

/** The corpus an export reads: what a site publishes, or, for the CLI, what the user holds. */
export type ExportCorpus = Corpus;

export interface ExportChapter {
  meta: ChapterMeta;
  units: Clause[];
}

export interface ExportGuideline {
  meta: GuidelineMeta;
  chapters: ExportChapter[];
}

/** The guidelines `--guideline` names (all of them when none), in registry order; an unknown key is a mistake. */
export function chooseGuidelines(corpus: Pick<Corpus, 'guidelines'>, keys: readonly string[] = []): GuidelineMeta[] {
  // Reference frameworks are not exported as catalogues: their entries are not ours to publish.
  const unknown = keys.filter((k) => !corpus.guidelines.keys.includes(k));
  if (unknown.length)
    throw new KojoError('usage', `unknown guideline "${unknown[0]}" (known: ${corpus.guidelines.keys.join(', ')})`);
  return corpus.guidelines.list.filter((g) => !keys.length || keys.includes(g.key));
}

export function exportGuideline(corpus: Pick<Corpus, 'clauses'>, meta: GuidelineMeta): ExportGuideline {
  const units = corpus.clauses.filter((c) => c.guideline === meta.key);
  return {
    meta,
    chapters: meta.chapters.map((ch) => ({ meta: ch, units: units.filter((c) => c.chapter === ch.label) })),
  };
}

/** The guideline a mapping end (`meti:3` or a clause id) belongs to. */
export function guidelineOf(corpus: Pick<Corpus, 'clauses'>, ref: string): string | undefined {
  return mappingLevel(ref) === 'chapter'
    ? parseChapterRef(ref).guideline
    : corpus.clauses.find((c) => c.id === ref)?.guideline;
}

/** One pair of chosen guidelines, read from the earlier to the later, with the mappings between them. */
export interface MappingPair {
  from: GuidelineMeta;
  to: GuidelineMeta;
  /** Mappings whose `from` is in `from` and `to` in `to`. */
  mappings: Mapping[];
  /** no-counterpart entries of either guideline (their `to` is null). */
  gaps: Mapping[];
}

export function mappingPairs(
  corpus: Pick<Corpus, 'clauses' | 'mappings' | 'guidelines'>,
  chosen: GuidelineMeta[],
): MappingPair[] {
  const of = (ref: string) => guidelineOf(corpus, ref);
  const pairs: MappingPair[] = [];
  for (const [i, from] of chosen.entries()) {
    for (const to of chosen.slice(i + 1)) {
      const mappings = corpus.mappings.filter((m) => m.to !== null && of(m.from) === from.key && of(m.to) === to.key);
      const gaps = mappingsFor(corpus.mappings, corpus.guidelines, undefined).filter(
        (m) => m.to === null && [from.key, to.key].includes(of(m.from) ?? ''),
      );
      if (mappings.length) pairs.push({ from, to, mappings, gaps });
    }
  }
  return pairs;
}

/** `3章 ステップ2-2`-style place of a chapter ref or a unit, as readers cite it. */
export function refPlace(
  corpus: Pick<Corpus, 'clauses' | 'guidelines'>,
  ref: string,
): { label: string; title: string } {
  if (mappingLevel(ref) === 'chapter') {
    const { guideline, label } = parseChapterRef(ref);
    return { label: chapterName(label), title: corpus.guidelines.chapter(guideline, label)?.title ?? '' };
  }
  const c = corpus.clauses.find((x) => x.id === ref);
  return c
    ? { label: c.section === c.chapter ? chapterName(c.chapter) : c.section, title: c.title }
    : { label: ref, title: '' };
}

/** One line for markup fields that must be a single line (OSCAL titles): whitespace runs become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How a format writes each document of an export; which documents, and in what order, is exportDocuments'. */
export interface FormatWriter {
  guideline(corpus: ExportCorpus, g: GuidelineMeta, ctx: ExportContext): ExportFile;
  checklist(data: ChecklistData, ctx: ExportContext): ExportFile;
  /** null where the pair has nothing to say in this format. */
  pair(corpus: ExportCorpus, pair: MappingPair, ctx: ExportContext): ExportFile | null;
}

/**
 * The documents of an export, the same in every format: each chosen guideline, the checklist (when
 * the content has items), then each pair of chosen guidelines.
 */
export function exportDocuments(
  corpus: ExportCorpus,
  chosen: GuidelineMeta[],
  pairs: MappingPair[],
  ctx: ExportContext,
  writer: FormatWriter,
): ExportFile[] {
  return [
    ...chosen.map((g) => writer.guideline(corpus, g, ctx)),
    ...(corpus.checklist.items.length ? [writer.checklist(checklistData(corpus), ctx)] : []),
    ...pairs.flatMap((p) => writer.pair(corpus, p, ctx) ?? []),
  ];
}
