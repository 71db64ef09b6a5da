/**
 * The mappings as an IR 8477 / OLIR-style spreadsheet: one row per relationship, focal element (the
 * earlier guideline's) with its description, relationship in the set-theory vocabulary, rationale
 * type, reference element with its description, confidence, and the free-text rationale as comments.
 * UTF-8 with a BOM and CRLF (indexer/text's csvDocument), so Excel opens the Japanese as is.
 */
import { type GuidelineMeta, type Mapping, mappingsFor } from '../corpus/index.ts';
import { csvDocument } from '../text/index.ts';
import { t } from '../wording/export-files.ts';
import type { ExportFile } from './file.ts';
import { guidelineOf, refPlace, type ExportCorpus } from './model.ts';

export const ir8477Header = [
  'Focal Document',
  'Focal Document Element',
  'Focal Document Element Description',
  'Relationship',
  'Rationale',
  'Reference Document',
  'Reference Document Element',
  'Reference Document Element Description',
  'Confidence',
  'Level',
  'Comments',
] as const;

/** IR 8477's set-theory relationships as OLIR worksheets write them. */
export const strm: Record<Mapping['relationship'], string> = {
  equal: 'equal',
  'subset-of': 'subset of',
  'superset-of': 'superset of',
  intersects: 'intersects with',
  'no-counterpart': 'not related to',
};

export function ir8477Csv(corpus: ExportCorpus, chosen: GuidelineMeta[]): ExportFile {
  const keys = new Set(chosen.map((g) => g.key));
  const docName = (key: string | undefined) => {
    const g = key ? corpus.guidelines.get(key) : undefined;
    return g ? `${g.label} ${g.title} ${g.version}` : '';
  };
  const describe = (ref: string) => {
    const p = refPlace(corpus, ref);
    return `${p.label} ${p.title}`.trim();
  };
  // Between guidelines; the crosswalk to reference frameworks has files of its own (./crosswalk-csv.ts).
  const rows = mappingsFor(corpus.mappings, corpus.guidelines, undefined)
    .filter(
      (m) =>
        keys.has(guidelineOf(corpus, m.from) ?? '') && (m.to === null || keys.has(guidelineOf(corpus, m.to) ?? '')),
    )
    .map((m) => [
      docName(guidelineOf(corpus, m.from)),
      m.from,
      describe(m.from),
      strm[m.relationship],
      m.rationaleType.charAt(0).toUpperCase() + m.rationaleType.slice(1),
      m.to === null ? '' : docName(guidelineOf(corpus, m.to)),
      m.to ?? '',
      m.to === null ? '' : describe(m.to),
      m.confidence,
      m.level,
      m.to === null ? t('export.mapping.none', { rationale: m.rationale }) : m.rationale,
    ]);
  return {
    name: 'mappings-ir8477.csv',
    mediaType: 'text/csv',
    title: t('export.ir8477.title'),
    content: csvDocument(ir8477Header, rows),
  };
}
