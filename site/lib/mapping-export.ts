/**
 * The mappings as downloadable data, with exactly the NIST IR 8477 fields (no file/line bookkeeping).
 * CSV follows RFC 4180 (CRLF, quoted fields, doubled quotes) with a UTF-8 BOM so Excel reads Japanese.
 */
import type { Mapping } from '../../indexer/corpus/index.ts';
import { csvDocument } from '../../indexer/text/index.ts';

export const exportFields = ['from', 'to', 'level', 'relationship', 'rationaleType', 'confidence', 'rationale'] as const;
export type ExportRow = Pick<Mapping, (typeof exportFields)[number]>;

export function exportRows(mappings: Mapping[]): ExportRow[] {
  return mappings.map((m) => Object.fromEntries(exportFields.map((f) => [f, m[f]])) as ExportRow);
}

export function toCsv(rows: ExportRow[]): string {
  return csvDocument(exportFields, rows.map((r) => exportFields.map((f) => r[f])));
}
