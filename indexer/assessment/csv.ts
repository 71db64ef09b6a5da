/**
 * An assessment as a spreadsheet: one row per item of the checklist, in its order, with Japanese
 * headers; the name, date and target repeat on every row so that any filtered copy still says what it
 * is. Reading takes the columns by header, so a user may reorder or add columns in Excel.
 */
import { csvDocument, parseCsv, unguardCell } from '../text/index.ts';
import {
  fitToChecklist,
  NOT_APPLICABLE,
  NOT_APPLICABLE_LABEL,
  type Answer,
  type Assessment,
  type Parsed,
} from './assessment.ts';
import type { ChecklistData } from './data.ts';

export const csvHeader = [
  '評価名',
  '評価日',
  '目標レベル',
  '分類',
  '確認項目ID',
  '確認項目',
  'レベル',
  'レベルの意味',
  'メモ',
] as const;
type Column = (typeof csvHeader)[number];
const required: Column[] = ['確認項目ID', 'レベル'];

export function assessmentCsv(data: ChecklistData, a: Assessment): string {
  const answers = new Map(a.answers.map((x) => [x.item, x]));
  const category = new Map(data.categories.map((c) => [c.id, c.name]));
  const level = new Map(data.levels.map((l) => [l.level, l.label]));
  const rows = data.items.map((item) => {
    const answer = answers.get(item.id);
    const value = answer?.level ?? null;
    const [cell, meaning] =
      value === NOT_APPLICABLE
        ? [NOT_APPLICABLE_LABEL, '']
        : value === null
          ? ['', '']
          : [value, level.get(value) ?? ''];
    return [
      a.name,
      a.date,
      a.target,
      category.get(item.category) ?? item.category,
      item.id,
      item.text,
      cell,
      meaning,
      answer?.note ?? '',
    ];
  });
  return csvDocument(csvHeader, rows);
}

export function parseAssessmentCsv(text: string, file: string, data: ChecklistData): Parsed<Assessment> {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { ok: false, error: `${file}:${parsed.line}: ${parsed.error}` };
  const [head, ...rows] = parsed.rows;
  if (!head) return { ok: false, error: `${file}: empty file (export one from the checklist page)` };
  const col = new Map(head.cells.map((h, i) => [h.trim(), i]));
  const missing = required.filter((c) => !col.has(c));
  if (missing.length)
    return {
      ok: false,
      error: `${file}:${head.line}: no column ${missing.map((c) => `「${c}」`).join('')} in the header (export one from the checklist page)`,
    };
  const get = (cells: string[], c: Column) => {
    const i = col.get(c);
    return i === undefined ? '' : unguardCell(cells[i] ?? '').trim();
  };
  const answers: Answer[] = [];
  const lineOf: number[] = [];
  for (const { cells, line } of rows) {
    const item = get(cells, '確認項目ID');
    if (!item) return { ok: false, error: `${file}:${line}: column 「確認項目ID」 is empty` };
    const cell = get(cells, 'レベル');
    const level =
      cell === ''
        ? null
        : cell === NOT_APPLICABLE_LABEL
          ? NOT_APPLICABLE
          : /^\d+$/.test(cell) && Number(cell) >= 1
            ? Number(cell)
            : undefined;
    if (level === undefined)
      return {
        ok: false,
        error: `${file}:${line}: column 「レベル」: "${cell}" is not a level number or ${NOT_APPLICABLE_LABEL}`,
      };
    const note = col.has('メモ') ? unguardCell(cells[col.get('メモ')!] ?? '') : '';
    if (level === null && note === '') continue;
    answers.push({ item, level, note });
    lineOf.push(line);
  }
  const first = rows[0]?.cells ?? [];
  const target = get(first, '目標レベル');
  if (target && !/^\d+$/.test(target))
    return { ok: false, error: `${file}:${rows[0]!.line}: column 「目標レベル」: "${target}" is not a level number` };
  const date = get(first, '評価日');
  if (date && !isCalendarDate(date))
    return { ok: false, error: `${file}:${rows[0]!.line}: column 「評価日」: "${date}" is not YYYY-MM-DD` };
  const assessment: Assessment = {
    name: get(first, '評価名') || file.replace(/^.*[\\/]/, '').replace(/\.csv$/i, ''),
    date,
    target: target ? Number(target) : 3,
    answers,
  };
  return fitToChecklist(assessment, data, {
    answer: (i) => `${file}:${lineOf[i]}`,
    target: `${file}:${rows[0]?.line ?? 1}: column 「目標レベル」`,
  });
}

/** YYYY-MM-DD naming a day that exists (2026-13-45 has the shape but no day). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}
