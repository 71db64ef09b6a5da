/**
 * OSCAL 1.2.0 JSON (NIST): a catalog per guideline (groups = chapters, controls = units, the summary
 * as prose, provenance and the English title as props, cited sources in back-matter), the checklist
 * as a catalog (groups = categories, controls = items with an assessment objective), a
 * mapping-collection for each pair of guidelines (IR 8477 relationships, matching rationale,
 * confidence, gaps), and assessment-results for an assessment. Every document validates against
 * NIST's published JSON schemas (tests/fixtures/oscal/).
 */
import type { Assessment, ChecklistData } from '../assessment/index.ts';
import {
  basisLabel,
  chapterName,
  sectionLabel,
  type Clause,
  type GuidelineMeta,
  type Mapping,
} from '../corpus/index.ts';
import { t } from '../wording/export-files.ts';
import { itemAnswers } from './answers.ts';
import type { ExportContext, ExportFile } from './file.ts';
import { contentUuid, OSCAL_NS, stableUuid } from './ids.ts';
import { exportGuideline, oneLine, refPlace, type ExportCorpus, type FormatWriter, type MappingPair } from './model.ts';

export const OSCAL_VERSION = '1.2.0';
const JSON_TYPE = 'application/json';
type Obj = Record<string, unknown>;

/** A property of our own (`ns` set), with a value OSCAL accepts (non-empty, no edge whitespace). */
const prop = (name: string, value: string | number | boolean) => ({
  name,
  ns: OSCAL_NS,
  value: oneLine(String(value)),
});

function metadata(ctx: ExportContext, title: string, version: string, extra: Obj = {}): Obj {
  return {
    title: oneLine(title),
    'last-modified': ctx.exportedAt,
    version: oneLine(version),
    'oscal-version': OSCAL_VERSION,
    ...extra,
  };
}

/** The document with a UUID that changes exactly when its content does. */
function withUuid(root: string, kind: string, body: Obj): Obj {
  const { metadata: meta, ...rest } = body as { metadata: Obj };
  const { 'last-modified': _t, ...stable } = meta;
  return { [root]: { uuid: contentUuid(kind, { ...rest, metadata: stable }), ...body } };
}

const json = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

export const catalogFile = (key: string) => `catalog-${key}.json`;
export const CHECKLIST_CATALOG = 'catalog-checklist.json';

function unitControl(g: GuidelineMeta, c: Clause): Obj {
  const official = c.basis === 'official';
  return {
    id: c.id,
    title: oneLine(c.title),
    props: [
      { name: 'label', value: oneLine(sectionLabel(c)) },
      prop('basis', c.basis),
      prop('basis-label', basisLabel[c.basis]),
      prop('verified', c.verified),
      ...(c.en ? [prop('en-title', c.en)] : []),
      ...(c.pages ? [prop('pdf-pages', `${c.pages[0]}-${c.pages[1]}`)] : []),
      prop('permalink', c.url),
    ],
    ...(c.sources.length
      ? { links: c.sources.map((id) => ({ href: `#${stableUuid('source', id)}`, rel: 'reference', text: id })) }
      : {}),
    parts: [
      {
        id: `${c.id}_${official ? 'smt' : 'gdn'}`,
        // The project's summary is never the control's statement: only imported official text is.
        name: official ? 'statement' : 'guidance',
        ...(official ? {} : { class: 'kojo-summary' }),
        prose: official ? `${c.text}\n\n${g.official.attribution}` : c.text,
      },
    ],
  };
}

export function guidelineCatalog(corpus: ExportCorpus, g: GuidelineMeta, ctx: ExportContext): ExportFile {
  const { chapters } = exportGuideline(corpus, g);
  const cited = new Set(chapters.flatMap((ch) => ch.units.flatMap((c) => c.sources)));
  const resources = [
    {
      uuid: stableUuid('guideline', g.key),
      title: oneLine(`${g.publisher}「${g.title}」${g.version}`),
      description: t('export.oscal.officialDocument', { licence: g.licence }),
      props: [prop('role', 'official-document')],
      ...(g.url ? { rlinks: [{ href: g.url }] } : {}),
    },
    ...corpus.sources
      .filter((s) => cited.has(s.id))
      .map((s) => ({
        uuid: stableUuid('source', s.id),
        title: oneLine(`${s.id} ${s.publisher}：${s.title}`),
        description: s.establishes,
        props: [prop('source-id', s.id), ...(s.date ? [prop('date', s.date)] : [])],
        ...(s.url ? { rlinks: [{ href: s.url }] } : {}),
      })),
  ];
  const body = {
    metadata: metadata(ctx, t('export.summaryEdition', { guideline: `${g.label} ${g.title}` }), g.version, {
      props: [
        prop('guideline-key', g.key),
        prop('edition-date', g.date),
        ...(g.en ? [prop('en-title', g.en.title)] : []),
        prop('content', t('export.oscal.contentNote')),
      ],
      links: [{ href: g.url, rel: 'reference', text: oneLine(g.title) }],
      remarks: g.licence,
    }),
    groups: chapters.map((ch) => ({
      id: ch.meta.slug,
      title: oneLine(`${chapterName(ch.meta.label)} ${ch.meta.title}`),
      props: [{ name: 'label', value: ch.meta.label }, ...(ch.meta.en ? [prop('en-title', ch.meta.en.title)] : [])],
      ...(ch.units.length ? { controls: ch.units.map((c) => unitControl(g, c)) } : {}),
    })),
    'back-matter': { resources },
  };
  return {
    name: catalogFile(g.key),
    mediaType: JSON_TYPE,
    title: t('export.oscal.catalogTitle', { guideline: g.label }),
    content: json({ ...withUuid('catalog', `catalog:${g.key}`, body) }),
  };
}

/** The assessment objective of a checklist item: what an assessment-results finding points at. */
export const objectiveId = (item: string) => `${item}_obj`;

export function checklistCatalog(data: ChecklistData, ctx: ExportContext): ExportFile {
  const label = new Map(data.guidelines.map((g) => [g.key, g.label]));
  const official = data.items.some((i) => i.basis === 'official');
  const body = {
    metadata: metadata(
      ctx,
      official ? t('export.checklist.documentOfficial') : t('export.checklist.document'),
      `levels 1-${data.levels.length}`,
      {
        props: data.levels.map((l) => prop(`level-${l.level}`, l.label)),
        remarks: official ? t('export.oscal.checklistOfficial') : t('export.oscal.checklistOurs'),
      },
    ),
    groups: data.categories.map((cat) => ({
      id: cat.id,
      title: oneLine(cat.name),
      controls: data.items
        .filter((i) => i.category === cat.id)
        .map((item) => ({
          id: item.id,
          title: oneLine(item.number ? `${item.number} ${item.text}` : item.text),
          props: [
            prop('basis', item.basis),
            ...(item.pages ? [prop('pdf-pages', `${item.pages[0]}-${item.pages[1]}`)] : []),
            ...Object.entries(item.gaps).map(([k, why]) => prop(`no-clause-${k}`, why)),
          ],
          ...(item.links.length
            ? {
                links: item.links.map((l) => ({
                  href: l.url,
                  rel: 'related',
                  text: oneLine(
                    `${l.kind === 'note' ? t('export.checklist.noteLink') : (label.get(l.guideline ?? '') ?? l.guideline)} ${l.title}`,
                  ),
                })),
              }
            : {}),
          parts: [
            { id: objectiveId(item.id), name: 'assessment-objective', prose: item.text },
            ...(item.hint ? [{ id: `${item.id}_gdn`, name: 'guidance', prose: item.hint }] : []),
          ],
        })),
    })),
  };
  return {
    name: CHECKLIST_CATALOG,
    mediaType: JSON_TYPE,
    title: t('export.oscal.checklistTitle'),
    content: json(withUuid('catalog', 'catalog:checklist', body)),
  };
}

/** Our relationships in OSCAL's (IR 8477) tokens. */
export const oscalRelationship = {
  equal: 'equal-to',
  'subset-of': 'subset-of',
  'superset-of': 'superset-of',
  intersects: 'intersects-with',
} as const;

export const mappingFile = (pair: Pick<MappingPair, 'from' | 'to'>) => `mapping-${pair.from.key}-${pair.to.key}.json`;

export function mappingCollection(corpus: ExportCorpus, pair: MappingPair, ctx: ExportContext): ExportFile | null {
  const { from, to } = pair;
  // OSCAL maps point at controls or statements, never at groups: chapter-level mappings go in remarks.
  const clauseLevel = pair.mappings.filter((m) => m.level === 'clause');
  const chapterLevel = pair.mappings.filter((m) => m.level === 'chapter');
  if (!clauseLevel.length) return null;
  const count = (t: Mapping['rationaleType']) => clauseLevel.filter((m) => m.rationaleType === t).length;
  const usual = (['semantic', 'syntactic', 'functional'] as const).reduce((a, b) => (count(b) > count(a) ? b : a));
  const gapIds = (key: string) =>
    pair.gaps
      .filter((m) => m.level === 'clause' && corpus.clauses.some((c) => c.id === m.from && c.guideline === key))
      .map((m) => m.from);
  const gap = (side: string, key: string) => {
    const ids = gapIds(key);
    return ids.length
      ? { uuid: stableUuid('gap', side, from.key, to.key), 'unmapped-controls': [{ 'with-ids': ids }] }
      : null;
  };
  const sourceGap = gap('source', from.key);
  const targetGap = gap('target', to.key);
  const place = (ref: string) => {
    const p = refPlace(corpus, ref);
    return `${p.label} ${p.title}`.trim();
  };
  const body = {
    metadata: metadata(
      ctx,
      t('export.mappingName', { from: from.label, to: to.label }),
      `${from.version} / ${to.version}`,
      {
        remarks: t('export.oscal.mappingRemarks'),
      },
    ),
    provenance: {
      method: 'human',
      'matching-rationale': usual,
      status: 'draft',
      'mapping-description': t('export.oscal.mappingDescription', {
        from: `${from.label}（${from.title} ${from.version}）`,
        to: `${to.label}（${to.title} ${to.version}）`,
      }),
    },
    mappings: [
      {
        uuid: stableUuid('mapping', from.key, to.key),
        'source-resource': { type: 'catalog', href: catalogFile(from.key) },
        'target-resource': { type: 'catalog', href: catalogFile(to.key) },
        maps: clauseLevel.map((m) => ({
          uuid: stableUuid('map', m.from, m.to ?? ''),
          'matching-rationale': m.rationaleType,
          relationship: oscalRelationship[m.relationship as keyof typeof oscalRelationship],
          sources: [{ type: 'control', 'id-ref': m.from }],
          targets: [{ type: 'control', 'id-ref': m.to! }],
          'confidence-score': { category: m.confidence },
          remarks: m.rationale,
        })),
        ...(sourceGap ? { 'source-gap-summary': sourceGap } : {}),
        ...(targetGap ? { 'target-gap-summary': targetGap } : {}),
        ...(chapterLevel.length
          ? {
              remarks: [
                t('export.oscal.chapterLevel'),
                ...chapterLevel.map(
                  (m) =>
                    `- ${from.label} ${place(m.from)} ${oscalRelationship[m.relationship as keyof typeof oscalRelationship]} ${to.label} ${place(m.to!)}（${m.rationaleType}, ${m.confidence}）: ${m.rationale}`,
                ),
              ].join('\n'),
            }
          : {}),
      },
    ],
  };
  return {
    name: mappingFile(pair),
    mediaType: JSON_TYPE,
    title: t('export.oscal.mappingTitle', { from: from.label, to: to.label }),
    content: json(withUuid('mapping-collection', `mapping:${from.key}:${to.key}`, body)),
  };
}

/** OSCAL documents: a catalog per guideline and the checklist's, a mapping collection per pair that has mappings. */
export const oscalWriter: FormatWriter = {
  guideline: guidelineCatalog,
  checklist: checklistCatalog,
  pair: mappingCollection,
};

/**
 * An assessment as OSCAL assessment-results: one result whose findings are the checklist's items
 * answered (level ≥ target satisfied, below it not satisfied; 対象外 satisfied with implementation
 * status not-applicable), each level, label, target and note in props, the note also as an
 * observation. There is no separate assessment plan: import-ap points at a back-matter resource
 * naming the checklist catalog the assessment answers.
 */
export function assessmentResults(data: ChecklistData, a: Assessment, ctx: ExportContext): ExportFile {
  const labels = new Map(data.levels.map((l) => [l.level, l.label]));
  const start = a.date ? `${a.date}T00:00:00Z` : ctx.exportedAt;
  const subject = contentUuid('assessment', { name: a.name, date: a.date, target: a.target });
  const planUuid = stableUuid('checklist-catalog');
  const answered = itemAnswers(data, a).filter((x) => x.state !== 'unanswered');
  const observations = answered
    .filter((x) => x.note)
    .map((x) => ({
      uuid: stableUuid('observation', subject, x.item.id),
      title: oneLine(t('export.oscal.itemNote', { id: x.item.id })),
      description: x.note,
      methods: ['UNKNOWN'],
      types: ['control-objective'],
      collected: start,
    }));
  const findings = answered.map((x) => {
    const na = x.state === 'not-applicable';
    const levelText = na ? t('export.notApplicable') : (labels.get(x.level!) ?? String(x.level));
    return {
      uuid: stableUuid('finding', subject, x.item.id),
      title: oneLine(x.item.text),
      description: `${t('export.oscal.finding', { id: x.item.id, level: levelText, target: a.target })}${x.note ? `\n\n${x.note}` : ''}`,
      props: [
        prop('level', na ? 'na' : String(x.level)),
        prop('level-label', levelText),
        prop('target-level', a.target),
      ],
      target: {
        type: 'objective-id',
        'target-id': objectiveId(x.item.id),
        status: na
          ? { state: 'satisfied', reason: 'other', remarks: t('export.oscal.notApplicable') }
          : {
              state: x.state === 'at-target' ? 'satisfied' : 'not-satisfied',
              reason: x.state === 'at-target' ? 'pass' : 'fail',
            },
        ...(na ? { 'implementation-status': { state: 'not-applicable' } } : {}),
      },
      ...(x.note
        ? { 'related-observations': [{ 'observation-uuid': stableUuid('observation', subject, x.item.id) }] }
        : {}),
    };
  });
  const body = {
    metadata: metadata(
      ctx,
      t('export.oscal.assessmentName', { name: `${a.name}${a.date ? `（${a.date}）` : ''}` }),
      a.date || 'undated',
      {
        props: [prop('target-level', a.target), prop('items', data.items.length), prop('answered', answered.length)],
      },
    ),
    'import-ap': {
      href: `#${planUuid}`,
      remarks: t('export.oscal.noPlan'),
    },
    results: [
      {
        uuid: stableUuid('result', subject),
        title: oneLine(t('export.oscal.assessmentName', { name: a.name })),
        description: t('export.oscal.resultDescription', {
          items: data.items.length,
          levels: data.levels.length,
          target: a.target,
        }),
        start,
        props: [prop('target-level', a.target)],
        'reviewed-controls': { 'control-selections': [{ 'include-all': {} }] },
        ...(observations.length ? { observations } : {}),
        ...(findings.length ? { findings } : {}),
      },
    ],
    'back-matter': {
      resources: [
        {
          uuid: planUuid,
          title: t('export.oscal.checklistCatalog'),
          rlinks: [{ href: CHECKLIST_CATALOG, 'media-type': JSON_TYPE }],
        },
      ],
    },
  };
  return {
    name: 'assessment-results.json',
    mediaType: JSON_TYPE,
    title: t('export.oscal.resultsTitle', { name: a.name }),
    content: json(withUuid('assessment-results', `assessment-results:${subject}`, body)),
  };
}
