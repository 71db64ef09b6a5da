/**
 * The mappings as downloadable data, with exactly the NIST IR 8477 fields (no file/line bookkeeping).
 * CSV follows RFC 4180 (CRLF, quoted fields, doubled quotes) with a UTF-8 BOM so Excel reads Japanese,
 * and carries each end's title beside its id (「METI 3章 セキュリティ対策企画・導入の進め方」) for
 * people reading it in a spreadsheet.
 */
import { type Ir8477Mapping, ir8477Fields, ir8477Mapping, type Mapping } from '../../indexer/corpus/index.ts';
import { csvDocument } from '../../indexer/text/index.ts';

export type ExportRow = Ir8477Mapping;

export function exportRows(mappings: Mapping[]): ExportRow[] {
  return mappings.map(ir8477Mapping);
}

/** The IR 8477 fields, each end's title beside its id. */
export const csvFields = ['from', 'fromTitle', 'to', 'toTitle', ...ir8477Fields.slice(2)] as const;

/** `titleOf` names a chapter ref or clause id as a reader cites it ('' when unknown). */
export function toCsv(rows: ExportRow[], titleOf: (ref: string) => string = () => ''): string {
  const value = (r: ExportRow, f: (typeof csvFields)[number]) =>
    f === 'fromTitle' ? titleOf(r.from) : f === 'toTitle' ? (r.to === null ? '' : titleOf(r.to)) : r[f];
  return csvDocument(
    csvFields,
    rows.map((r) => csvFields.map((f) => value(r, f))),
  );
}
