/**
 * The crosswalk to each reference framework as an IR 8477 / OLIR-style spreadsheet (one file per
 * framework): focal elements are the guidelines' units and the checklist's items, reference elements
 * the framework's entries by their official identifiers with their official names only — none of the
 * framework's text, and none of our one-liners passed off as its words.
 */
import { type Corpus, type GuidelineMeta, mappingsFor } from '../corpus/index.ts';
import { csvDocument } from '../text/index.ts';
import { t } from '../wording/export-files.ts';
import type { ExportFile } from './file.ts';
import { ir8477Header, strm } from './ir8477.ts';
import { guidelineOf, refPlace } from './model.ts';

const CHECKLIST_DOCUMENT = t('export.checklist.document');

export function crosswalkCsvs(
  corpus: Pick<Corpus, 'clauses' | 'mappings' | 'guidelines' | 'checklist'>,
  chosen: GuidelineMeta[],
): ExportFile[] {
  const keys = new Set(chosen.map((g) => g.key));
  const items = new Map(corpus.checklist.items.map((i) => [i.id, i]));
  const byId = new Map(corpus.clauses.map((c) => [c.id, c]));
  const doc = (g: GuidelineMeta) => `${g.label} ${g.title} ${g.version}`;
  return corpus.guidelines.references.flatMap((framework) => {
    const rows = mappingsFor(corpus.mappings, corpus.guidelines, framework.key)
      .filter((m) => items.has(m.from) || keys.has(guidelineOf(corpus, m.from) ?? ''))
      .map((m) => {
        const item = items.get(m.from);
        const g = corpus.guidelines.get(guidelineOf(corpus, m.from) ?? '');
        const place = refPlace(corpus, m.from);
        const entry = m.to === null ? undefined : byId.get(m.to);
        return [
          item ? CHECKLIST_DOCUMENT : g ? doc(g) : '',
          m.from,
          item ? item.text : `${place.label} ${place.title}`.trim(),
          strm[m.relationship],
          m.rationaleType.charAt(0).toUpperCase() + m.rationaleType.slice(1),
          m.to === null ? '' : doc(framework),
          entry?.reference?.id ?? m.to ?? '',
          entry?.reference?.name ?? '',
          m.confidence,
          m.level,
          m.to === null ? t('export.mapping.none', { rationale: m.rationale }) : m.rationale,
        ];
      });
    if (!rows.length) return [];
    return [
      {
        name: `crosswalk-${framework.key}-ir8477.csv`,
        mediaType: 'text/csv',
        title: t('export.crosswalk.title', { framework: framework.label }),
        content: csvDocument(ir8477Header, rows),
      },
    ];
  });
}
