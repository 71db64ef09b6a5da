/**
 * The mappings as downloadable data, with exactly the NIST IR 8477 fields (no file/line bookkeeping).
 * CSV follows RFC 4180 (CRLF, quoted fields, doubled quotes) with a UTF-8 BOM so Excel reads Japanese,
 * and carries each end's title beside its id (「METI 3章 セキュリティ対策企画・導入の進め方」) for
 * people reading it in a spreadsheet.
 */
import type { Mapping } from '../../indexer/corpus/index.ts';
import { csvDocument } from '../../indexer/text/index.ts';

export const exportFields = [
  'from',
  'to',
  'level',
  'relationship',
  'rationaleType',
  'confidence',
  'rationale',
] as const;
export type ExportRow = Pick<Mapping, (typeof exportFields)[number]>;

export function exportRows(mappings: Mapping[]): ExportRow[] {
  return mappings.map((m) => Object.fromEntries(exportFields.map((f) => [f, m[f]])) as ExportRow);
}

export const csvFields = [
  'from',
  'fromTitle',
  'to',
  'toTitle',
  'level',
  'relationship',
  'rationaleType',
  'confidence',
  'rationale',
] as const;

/** `titleOf` names a chapter ref or clause id as a reader cites it ('' when unknown). */
export function toCsv(rows: ExportRow[], titleOf: (ref: string) => string = () => ''): string {
  const value = (r: ExportRow, f: (typeof csvFields)[number]) =>
    f === 'fromTitle' ? titleOf(r.from) : f === 'toTitle' ? (r.to === null ? '' : titleOf(r.to)) : r[f];
  return csvDocument(
    csvFields,
    rows.map((r) => csvFields.map((f) => value(r, f))),
  );
}
