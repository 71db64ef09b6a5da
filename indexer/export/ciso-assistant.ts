/**
 * CISO Assistant (intuitem/ciso-assistant-community): libraries in the YAML layout of its
 * backend/library/libraries/ — one framework per guideline (chapters as parent nodes, units as
 * assessable nodes, Japanese with English names under translations.en), the checklist as a framework
 * scored 1…N, and a requirement_mapping_sets library for every pair of guidelines (both directions) —
 * and, for an assessment, the CSV its data import wizard reads into an audit of that checklist.
 */
import { stringify } from 'yaml';
import type { Assessment, ChecklistData } from '../assessment/index.ts';
import {
  basisLabel,
  chapterName,
  confidenceLabel,
  inverseRelationship,
  mappingLevel,
  parseChapterRef,
  pdfPages,
  sectionLabel,
  type Clause,
  type GuidelineMeta,
  type Mapping,
} from '../corpus/index.ts';
import { csvDocument } from '../text/index.ts';
import { t } from '../wording/export-files.ts';
import { itemAnswers, type AnswerState } from './answers.ts';
import type { ExportContext, ExportFile } from './file.ts';
import { PACKAGER, urn } from './ids.ts';
import { exportGuideline, type ExportCorpus, type FormatWriter, type MappingPair } from './model.ts';

const YAML = 'application/yaml';
type Node = Record<string, unknown>;

/** CISO Assistant updates a loaded library only to a higher integer version: the export date, YYYYMMDD. */
const libraryVersion = (ctx: ExportContext) => Number(ctx.exportedAt.slice(0, 10).replace(/-/g, ''));

const yaml = (doc: unknown) => stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });

function library(ctx: ExportContext, fields: Node): Node {
  return {
    ...fields,
    version: libraryVersion(ctx),
    publication_date: ctx.exportedAt.slice(0, 10),
    packager: PACKAGER,
  };
}

const unitNode = (g: GuidelineMeta, c: Pick<Clause, 'id'>) => urn('req_node', g.key, c.id);
const chapterNode = (g: GuidelineMeta, slug: string) => urn('req_node', g.key, slug);

/** Provenance of a unit, said once per node so no summary passes for the guideline's words. */
function unitAnnotation(corpus: ExportCorpus, g: GuidelineMeta, c: Clause): string {
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const lines = [
    t('export.ciso.place', { place: `${chapterName(c.chapter)}${c.section === c.chapter ? '' : ` ${c.section}`}` }),
    c.basis === 'official'
      ? t('export.ciso.officialText', {
          basis: basisLabel.official,
          pages: c.pages ? pdfPages(c.pages) : t('export.ciso.officialPdf'),
          attribution: g.official.attribution,
        })
      : t('export.ciso.summaryText', { basis: basisLabel[c.basis] }),
    ...(c.verified ? [] : [t('export.ciso.unverified')]),
    ...c.sources.map((id) => {
      const s = sources.get(id);
      return t('export.ciso.source', {
        id,
        source: s ? `${s.publisher}「${s.title}」${s.url ? ` ${s.url}` : ''}` : '',
      });
    }),
    `kojo-guide: ${c.url}`,
  ];
  return lines.join('\n');
}

export function guidelineLibrary(corpus: ExportCorpus, g: GuidelineMeta, ctx: ExportContext): ExportFile {
  const { chapters } = exportGuideline(corpus, g);
  const name = t('export.summaryEdition', { guideline: `${g.label} ${g.title} ${g.version}` });
  const en = g.en?.title ?? g.title;
  const description = t('export.ciso.libraryDescription', {
    document: `${g.publisher}「${g.title}」${g.version}`,
    url: g.url ?? '',
  });
  const nodes: Node[] = [];
  for (const ch of chapters) {
    const parent = chapterNode(g, ch.meta.slug);
    nodes.push({
      urn: parent,
      assessable: false,
      depth: 1,
      ref_id: ch.meta.label,
      name: `${chapterName(ch.meta.label)} ${ch.meta.title}`,
      ...(ch.meta.en ? { translations: { en: { name: ch.meta.en.title } } } : {}),
    });
    for (const c of ch.units) {
      nodes.push({
        urn: unitNode(g, c),
        assessable: true,
        depth: 2,
        parent_urn: parent,
        ref_id: c.id,
        name: c.section === c.chapter ? c.title : `${sectionLabel(c)} ${c.title}`,
        description: c.text,
        annotation: unitAnnotation(corpus, g, c),
        ...(c.en ? { translations: { en: { name: c.en } } } : {}),
      });
    }
  }
  const doc = library(ctx, {
    urn: urn('library', g.key),
    locale: 'ja',
    ref_id: `kojo-${g.key}`,
    name,
    description,
    copyright: t('export.ciso.copyright', {
      document: `${g.publisher}「${g.title}」${g.version}`,
      licence: g.licence.replace(/\s+/g, ' '),
    }),
    provider: g.publisher,
    translations: {
      en: {
        name: `${en} ${g.version} (kojo-guide study edition)`,
        description: `Chapters and units of ${en}. Unit texts are kojo-guide's own Japanese summaries, not the guideline's words; see ${g.url}`,
      },
    },
    objects: {
      framework: {
        urn: urn('framework', g.key),
        ref_id: `kojo-${g.key}`,
        name,
        description,
        translations: { en: { name: `${en} ${g.version} (kojo-guide)` } },
        requirement_nodes: nodes,
      },
    },
  });
  return {
    name: `kojo-${g.key}.yaml`,
    mediaType: YAML,
    title: t('export.ciso.libraryTitle', { guideline: g.label }),
    content: yaml(doc),
  };
}

export function checklistLibrary(data: ChecklistData, ctx: ExportContext): ExportFile {
  const official = data.items.some((i) => i.basis === 'official');
  const what = official ? t('export.ciso.checklistOfficial') : t('export.ciso.checklistOurs');
  const name = t('export.ciso.checklistName', { what });
  const description = t('export.ciso.checklistDescription', { levels: data.levels.length, what });
  const label = new Map(data.guidelines.map((g) => [g.key, g.label]));
  const nodes: Node[] = [];
  for (const cat of data.categories) {
    const parent = urn('req_node', 'checklist', cat.id);
    nodes.push({ urn: parent, assessable: false, depth: 1, ref_id: cat.id, name: cat.name });
    for (const item of data.items.filter((i) => i.category === cat.id)) {
      const lines = [
        ...(item.hint ? [t('export.ciso.itemHint', { hint: item.hint })] : []),
        ...(item.pages ? [t('export.ciso.itemPages', { from: item.pages[0], to: item.pages[1] })] : []),
        ...item.links.map(
          (l) =>
            `${l.kind === 'note' ? t('export.checklist.noteLink') : (label.get(l.guideline ?? '') ?? l.guideline)}: ${l.title}（kojo-guide: ${l.url}）`,
        ),
        ...Object.entries(item.gaps).map(([k, why]) => t('export.ciso.itemGap', { guideline: label.get(k) ?? k, why })),
      ];
      nodes.push({
        urn: urn('req_node', 'checklist', item.id),
        assessable: true,
        depth: 2,
        parent_urn: parent,
        ref_id: item.id,
        description: item.text,
        ...(lines.length ? { annotation: lines.join('\n') } : {}),
      });
    }
  }
  const doc = library(ctx, {
    urn: urn('library', 'checklist'),
    locale: 'ja',
    ref_id: 'kojo-checklist',
    name,
    description,
    copyright: 'kojo-guide',
    provider: PACKAGER,
    translations: {
      en: {
        name: 'kojo-guide factory security self-assessment checklist',
        description: `Self-assessment items scored 1-${data.levels.length}, each linked to the guideline units that explain it.`,
      },
    },
    objects: {
      framework: {
        urn: urn('framework', 'checklist'),
        ref_id: 'kojo-checklist',
        name,
        description,
        min_score: data.levels[0]?.level ?? 1,
        max_score: data.levels.at(-1)?.level ?? data.levels.length,
        scores_definition: data.levels.map((l) => ({
          score: l.level,
          name: l.label,
          description: l.name ?? t('export.ciso.levelUndefined'),
        })),
        requirement_nodes: nodes,
      },
    },
  });
  return {
    name: 'kojo-checklist.yaml',
    mediaType: YAML,
    title: t('export.ciso.checklistTitle'),
    content: yaml(doc),
  };
}

const cisoRelationship = {
  equal: 'equal',
  'subset-of': 'subset',
  'superset-of': 'superset',
  intersects: 'intersect',
} as const;

function endUrn(corpus: ExportCorpus, ref: string, g: GuidelineMeta): string {
  return mappingLevel(ref) === 'chapter'
    ? chapterNode(g, corpus.guidelines.chapter(g.key, parseChapterRef(ref).label)?.slug ?? ref)
    : unitNode(g, { id: ref });
}

export function mappingLibrary(corpus: ExportCorpus, pair: MappingPair, ctx: ExportContext): ExportFile {
  const { from, to } = pair;
  const set = (a: GuidelineMeta, b: GuidelineMeta, forward: boolean) => ({
    urn: urn('req_mapping_set', `${a.key}-to-${b.key}`),
    ref_id: `kojo-${a.key}-to-${b.key}`,
    name: t('export.ciso.mappingSetName', { from: a.label, to: b.label }),
    description: t('export.ciso.mappingSetDescription', { from: a.label, to: b.label }),
    source_framework_urn: urn('framework', a.key),
    target_framework_urn: urn('framework', b.key),
    requirement_mappings: pair.mappings.map((m: Mapping) => {
      const relationship = m.relationship as keyof typeof cisoRelationship;
      const [src, dst] = forward ? [m.from, m.to!] : [m.to!, m.from];
      return {
        source_requirement_urn: endUrn(corpus, src, a),
        target_requirement_urn: endUrn(corpus, dst, b),
        relationship: cisoRelationship[forward ? relationship : inverseRelationship(relationship)],
        rationale: m.rationaleType,
        annotation: t('export.ciso.mappingNote', {
          confidence: `${confidenceLabel[m.confidence]}（${m.confidence}）`,
          chapter: m.level === 'chapter',
          rationale: m.rationale,
        }),
      };
    }),
  });
  const doc = library(ctx, {
    urn: urn('library', `mapping-${from.key}-${to.key}`),
    locale: 'ja',
    ref_id: `kojo-mapping-${from.key}-${to.key}`,
    name: t('export.mappingName', { from: from.label, to: to.label }),
    description: t('export.ciso.mappingDescription', { from: from.label, to: to.label }),
    copyright: 'kojo-guide',
    provider: PACKAGER,
    dependencies: [urn('library', from.key), urn('library', to.key)],
    objects: { requirement_mapping_sets: [set(from, to, true), set(to, from, false)] },
  });
  return {
    name: `kojo-mapping-${from.key}-${to.key}.yaml`,
    mediaType: YAML,
    title: t('export.ciso.mappingTitle', { from: from.label, to: to.label }),
    content: yaml(doc),
  };
}

/** CISO Assistant libraries: one per guideline, the checklist's, and one per pair of guidelines (both directions). */
export const cisoAssistantWriter: FormatWriter = {
  guideline: guidelineLibrary,
  checklist: checklistLibrary,
  pair: mappingLibrary,
};

/** The data wizard's values (docs/guide/data-import-wizard.md, "Audits"). */
const wizardResult: Record<AnswerState, string> = {
  unanswered: 'not_assessed',
  'not-applicable': 'not_applicable',
  'at-target': 'compliant',
  'below-target': 'partially_compliant',
};

export const wizardHeader = [
  'urn',
  'assessable',
  'ref_id',
  'name',
  'description',
  'compliance_result',
  'requirement_progress',
  'score',
  'observations',
] as const;

/**
 * The assessment as the CSV CISO Assistant's data wizard imports into an audit of the checklist
 * framework (kojo-checklist.yaml): items matched by ref_id (urn as the fallback), level as score,
 * level ≥ target compliant, level 1 below the target non-compliant, other levels below it partially
 * compliant, 対象外 not applicable; the note as observations.
 */
export function wizardCsv(data: ChecklistData, a: Assessment): ExportFile {
  const rows = itemAnswers(data, a).map(({ item, state, level, note }) => [
    urn('req_node', 'checklist', item.id),
    'True',
    item.id,
    '',
    item.text,
    state === 'below-target' && level === 1 ? 'non_compliant' : wizardResult[state],
    state === 'unanswered' ? (note ? 'in_progress' : 'to_do') : 'done',
    level ?? '',
    note,
  ]);
  return {
    name: 'kojo-checklist-audit.csv',
    mediaType: 'text/csv',
    title: t('export.ciso.auditTitle', { name: a.name }),
    content: csvDocument(wizardHeader, rows),
  };
}
