/**
 * The items of a guideline's own checklist (METI 付録E, GUTP 付録1), read from the tables the
 * importer kept as Markdown in the checklist chapter's text: each row an item, verbatim, with its
 * printed number and its category (a column naming one, or the category heading above the table).
 * What cannot be placed in a category is not guessed: the checklist then keeps the project's items.
 */
import { chapterName, officialClauseId, type GuidelineMeta } from '../corpus/index.ts';
import type { ImportedUnit, ImportResult } from './detect.ts';
import { fold } from './units.ts';
import type { ChecklistImport } from './write.ts';

export interface ChecklistRow {
  number?: string;
  /** A category id of content/checklist/categories.yml. */
  category: string;
  text: string;
}

export type ChecklistRead = { rows: ChecklistRow[] } | { reason: string };

const NUMBER_HEADER = /^(?:no\.?|番号|項番|#|項目番号)$/i;
const NUMBER_CELL = /^[A-Za-z]{0,2}[-.\d]*\d[-.\d]*$/;

/** Splits a Markdown table row on its unescaped pipes, and undoes the importer's escapes. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\(.)/g, '$1'));
}

export function readChecklist(
  unit: Pick<ImportedUnit, 'text'>,
  categories: readonly { id: string; name: string }[],
): ChecklistRead {
  const categoryOf = (text: string) => {
    const t = fold(text).replace(/^[\d().（）\s]+/, '');
    return categories.find((c) => fold(c.name) === t)?.id;
  };
  const rows: ChecklistRow[] = [];
  let current: string | undefined;
  const lines = unit.text.split('\n');
  let sawTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim().startsWith('|')) {
      // A category named as its own line (a heading above its table) applies to the rows below.
      current = categoryOf(line.replace(/^#+\s*/, '')) ?? current;
      continue;
    }
    // A table: header, separator, rows.
    const table: string[][] = [];
    while (i < lines.length && lines[i]!.trim().startsWith('|')) table.push(cells(lines[i++]!));
    i--;
    const [header, , ...body] = table;
    if (!header || !body.length) continue;
    sawTable = true;
    const width = header.length;
    const column = (j: number) => body.map((r) => r[j] ?? '').filter(Boolean);
    const numberCol = [...Array(width).keys()].find(
      (j) => NUMBER_HEADER.test(header[j]!) || (column(j).length > 0 && column(j).every((c) => NUMBER_CELL.test(c))),
    );
    const categoryCol = [...Array(width).keys()].find(
      (j) =>
        j !== numberCol &&
        column(j).filter((c) => categoryOf(c)).length * 2 >= column(j).length &&
        column(j).length > 0,
    );
    const meanLength = (j: number) => column(j).reduce((n, c) => n + c.length, 0) / Math.max(1, column(j).length);
    const textCol = [...Array(width).keys()]
      .filter((j) => j !== numberCol && j !== categoryCol)
      .sort((a, b) => meanLength(b) - meanLength(a))[0];
    if (textCol === undefined) continue;
    for (const row of body) {
      const filled = row.filter(Boolean);
      if (filled.length === 1 && categoryOf(filled[0]!)) {
        current = categoryOf(filled[0]!);
        continue;
      }
      const text = row[textCol] ?? '';
      if (!text) continue;
      // A category cell left empty continues the one above (merged cells in the PDF).
      if (categoryCol !== undefined && row[categoryCol]) current = categoryOf(row[categoryCol]!) ?? current;
      if (!current)
        return { reason: `row 「${text.slice(0, 20)}」 names no category of content/checklist/categories.yml` };
      const number = numberCol !== undefined ? row[numberCol] : undefined;
      rows.push({ ...(number ? { number } : {}), category: current, text });
    }
  }
  if (!sawTable) return { reason: 'no table in the checklist chapter' };
  return rows.length ? { rows } : { reason: 'the checklist tables hold no items' };
}

/** The item counts the sources report (facts.yml claims such as 「35項目」), to check an import against. */
export function reportedCounts(facts: readonly { claims?: readonly { value: string }[] }[]): number[] {
  return facts.flatMap((f) =>
    (f.claims ?? []).flatMap((c) => {
      const m = /^(\d+)\s*項目$/.exec(c.value.trim());
      return m ? [Number(m[1])] : [];
    }),
  );
}

/** A sentence does not start with these: closing punctuation, small kana, a long-vowel mark, 「を」「ん」. */
const badStart = /^[、。，．,.)）」』】〕\]ー・ぁぃぅぇぉっゃゅょゎゝゞァィゥェォッャュョヮヵヶんを]/;
/** …nor with an inflection or particle that needs a word before it (「する部門と…」, 「ている…」). */
const badStartWord =
  /^(?:する|して|した|され|させ|ている|ていない|ます|れる|られ|った|って|ない|なく|から|まで|より|[をがはにでとへやの](?![\p{sc=Han}ァ-ヴ]{2}))/u;
/** A whole item ends as a sentence does: a full stop, a question, or a verb's or adjective's end. */
const sentenceEnd = /(?:[。．.？?！!）)]|か|こと|る|た|い|す|う)$/;

/** Whether a checklist item reads as a whole sentence rather than a piece of a wrapped cell. */
export function isWholeSentence(text: string): boolean {
  const t = text.trim();
  return t.length >= 8 && !badStart.test(t) && !badStartWord.test(t) && sentenceEnd.test(t);
}

/**
 * Why items read from the checklist chapter do not look like the complete official checklist, or
 * undefined when they do: every item numbered (each number once), in more than one category,
 * whole sentences, and as many as the sources report (`counts`, e.g. 32 and 35). Items that fail
 * stay out: the project's own items are better than a broken official list.
 */
export function checklistDoubt(rows: readonly ChecklistRow[], counts: readonly number[]): string | undefined {
  const doubts: string[] = [];
  const quote = (r: ChecklistRow) => `「${r.text.length > 24 ? `${r.text.slice(0, 24)}…` : r.text}」`;
  const unnumbered = rows.filter((r) => !r.number);
  if (unnumbered.length)
    doubts.push(`${unnumbered.length} of ${rows.length} items carry no number (${quote(unnumbered[0]!)})`);
  const seen = new Set<string>();
  const twice = rows.find((r) => r.number && (seen.has(r.number) || !seen.add(r.number)));
  if (twice) doubts.push(`item number ${twice.number} appears twice`);
  if (rows.length > 1 && new Set(rows.map((r) => r.category)).size < 2) doubts.push('all items fall in one category');
  const pieces = rows.filter((r) => !isWholeSentence(r.text));
  if (pieces.length) doubts.push(`${pieces.length} items are not whole sentences (${quote(pieces[0]!)})`);
  if (!counts.length)
    doubts.push(`no source in content/checklist/facts.yml says how many items it has (${rows.length} read)`);
  else {
    const [min, max] = [Math.min(...counts), Math.max(...counts)];
    if (rows.length < min || rows.length > max)
      doubts.push(`${rows.length} items read, but the sources report ${min === max ? min : `${min}–${max}`}`);
  }
  return doubts.length ? `the items read do not look complete: ${doubts.join('; ')}` : undefined;
}

/**
 * What an import brings to the checklist: the guideline's checklist chapter (guidelines.yml marks it)
 * read into items, linked to that chapter's official text; none when the guideline has no checklist
 * chapter or the import did not find it.
 */
export function checklistImport(
  guideline: GuidelineMeta,
  registry: readonly GuidelineMeta[],
  result: Pick<ImportResult, 'units'>,
  categories: readonly { id: string; name: string }[],
  /** How many items the sources report the checklist has (content/checklist/facts.yml). */
  counts: readonly number[] = [],
): ChecklistImport | undefined {
  const chapter = guideline.chapters.find((c) => c.checklist);
  const unit = chapter && result.units.find((u) => u.chapter === chapter.label && u.section === chapter.label);
  if (!chapter || !unit) return undefined;
  let read: ChecklistRead = categories.length
    ? readChecklist(unit, categories)
    : { reason: 'content/checklist/categories.yml names no categories' };
  const doubt = 'rows' in read ? checklistDoubt(read.rows, counts) : undefined;
  if (doubt) read = { reason: doubt };
  const where = `${guideline.label} ${chapterName(chapter.label)}`;
  const gaps = Object.fromEntries(
    registry
      .filter((g) => g.key !== guideline.key)
      .map((g) => [
        g.key,
        `${where}から取り込んだ公式の項目で、${g.label}の条項への対応づけはまだありません（章レベルの対応は比較ページを参照）。`,
      ]),
  );
  return {
    chapter: chapter.label,
    read,
    pages: unit.pages,
    unitId: officialClauseId(guideline.key, chapter.slug, chapter.label, chapter.label),
    gaps,
  };
}
