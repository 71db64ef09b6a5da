/**
 * Every Japanese word for the content model's codes, in one place, so a relationship or a provenance
 * level reads the same in the CLI's answers, on the chapter pages, the compare page and the About page.
 */
import type { Basis, Confidence, RationaleType, RelationshipCode } from './schema/index.ts';

export const relationshipLabel: Record<RelationshipCode, string> = {
  equal: '同等',
  'subset-of': '一部',
  'superset-of': '包含',
  intersects: '重なり',
  'no-counterpart': '対応なし',
};

/** How to read "A <relationship> B", for titles and the legend. */
export const relationshipHelp: Record<RelationshipCode, string> = {
  equal: '左右がほぼ同じ範囲を扱う',
  'subset-of': '左は右の一部にあたる',
  'superset-of': '左は右を含む（右より広い）',
  intersects: '左右が部分的に重なる',
  'no-counterpart': '相手のガイドラインに対応する部分が見当たらない',
};

export const confidenceLabel: Record<Confidence, string> = { stated: '明示', inferred: '推定' };
export const confidenceHelp: Record<Confidence, string> = {
  stated: '公式文書や作成者が対応を明示している',
  inferred: '題名や内容から本サイトが推定した',
};

export const rationaleTypeLabel: Record<RationaleType, string> = {
  syntactic: '構文的',
  semantic: '意味的',
  functional: '機能的',
};
export const rationaleTypeHelp: Record<RationaleType, string> = {
  syntactic: '題名や用語など、書かれた言葉が一致する',
  semantic: '言葉は違っても、意味する内容が対応する',
  functional: '文書の中で果たす役割や目的が対応する',
};

export const basisLabel: Record<Basis, string> = {
  official: '公式本文',
  'official-toc': '公式目次',
  reported: '公開情報による要約',
  editorial: '編集部の実務メモ',
  reference: '参照枠組みの項目',
};
export const basisHelp: Record<Basis, string> = {
  official: '利用者が保有する公式PDFから取り込んだガイドライン自身の本文（ページは公式PDFのもの）。',
  'official-toc': '番号と題名が公式の目次にある単位。本文は本サイトによる要約です。',
  reported: '公開されている解説などで内容が伝えられている単位。本文は本サイトによる要約です。',
  editorial: '公式の単位に本サイトが添えた解説・実務上の助言。ガイドラインの記述ではありません。',
  reference:
    '国際的な枠組み（NIST CSF 2.0、IEC 62443-3-3 など）の項目。識別子と名称は公式のもの、説明の一行は本サイトの文で、枠組みの本文ではありません。',
};
export const unverifiedLabel = '未検証';

/** The heading of the practice notes' group in answers (CLI and search page): they speak for no guideline. */
export const notesHeading = '本サイトの実務メモ（ガイドラインの記述ではありません）';
export const unverifiedHelp = 'まだ公式PDFと突き合わせて確認していません。';

/** How a chapter label reads in Japanese: `3` → `3章`; `付録A` stays `付録A`. */
export function chapterName(label: string): string {
  return /^\d+$/.test(label) ? `${label}章` : label;
}

/** What a chapter label names: `3` a chapter, `付録A`/`付録1` an appendix, `コラム2` a column. */
export type ChapterKind = 'chapter' | 'appendix' | 'column';
export const chapterKindLabel: Record<ChapterKind, string> = { chapter: '章', appendix: '付録', column: 'コラム' };
export function chapterKind(label: string): ChapterKind {
  return label.startsWith('付録') ? 'appendix' : label.startsWith('コラム') ? 'column' : 'chapter';
}

/** A clause's place as people cite it: `ステップ2-2`, or `3章` when the section is the chapter. */
export function sectionLabel(c: { chapter: string; section: string }): string {
  return c.section === c.chapter ? chapterName(c.chapter) : c.section;
}

/** A clause's full place for result lists: `3章 ステップ2-2`, or `3章` when the section is the chapter. */
export function placeLabel(c: { chapter: string; section: string }): string {
  return c.section === c.chapter ? chapterName(c.chapter) : `${chapterName(c.chapter)} ${c.section}`;
}

/**
 * A place and a title on one line: `3章 ステップ2-2 ゾーンの分離`; a reference entry without an official
 * name is titled by its identifier, which the place already shows (`PR.IR-01`), so it is not repeated.
 */
export function placeAndTitle(place: string, title: string): string {
  return place === title || place.endsWith(` ${title}`) ? place : `${place} ${title}`;
}

/** `2022-11-16` → `2022年11月16日`, `2022-10` → `2022年10月`. */
export function japaneseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return [y && `${y}年`, m && `${Number(m)}月`, d && `${Number(d)}日`].filter(Boolean).join('');
}

/** Where official text comes from, as it is cited: `公式PDF p.31–33`, `公式PDF p.12`. */
export function pdfPages([from, to]: readonly [number, number]): string {
  return from === to ? `公式PDF p.${from}` : `公式PDF p.${from}–${to}`;
}

/**
 * Where a search result sits, as its list shows it: `3章 ステップ2-2`, with the PDF pages for official
 * text (`3章 ステップ2-2・公式PDF p.31–33`), and 「実務メモ」 for a practice note, which belongs to no
 * guideline's structure.
 */
export function resultPlace(c: {
  chapter: string;
  section: string;
  kind?: 'unit' | 'note';
  pages?: readonly [number, number];
}): string {
  if (c.kind === 'note') return '実務メモ';
  return c.pages ? `${placeLabel(c)}・${pdfPages(c.pages)}` : placeLabel(c);
}
