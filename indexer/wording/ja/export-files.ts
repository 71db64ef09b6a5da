/**
 * What the exported files say of themselves (indexer/export: `kojo export` and /checklist/'s export
 * buttons, whose browser script builds the same files). Its own module so that script carries these
 * entries, not the whole dictionary; ../ja.ts composes it with the others.
 */
export const exportFiles = {
  // The IR 8477 spreadsheets (ir8477.ts, crosswalk-csv.ts).
  'export.ir8477.title': 'IR 8477 形式の対応表 CSV（Excel 用、UTF-8 BOM 付き）',
  'export.crosswalk.title': (p: { framework: string }) =>
    `${p.framework}との対応表 CSV（本サイトの推定、IR 8477 形式、UTF-8 BOM 付き）`,
  'export.mapping.none': (p: { rationale: string }) => `対応なし: ${p.rationale}`,
  'export.checklist.document': 'kojo-guide 自己評価チェックリスト（本サイトの確認項目）',
  'export.checklist.documentOfficial': 'kojo-guide 自己評価チェックリスト（公式PDFから取り込んだ項目）',
  /** What a checklist item's link to a practice note is called, where a guideline's link names the guideline. */
  'export.checklist.noteLink': '実務メモ',

  // What each exported file is called where it is offered (oscal.ts, ciso-assistant.ts).
  'export.oscal.catalogTitle': (p: { guideline: string }) =>
    `OSCAL カタログ：${p.guideline}（章＝グループ、単位＝コントロール）`,
  'export.oscal.checklistTitle': 'OSCAL カタログ：自己評価チェックリスト（分類＝グループ、項目＝コントロール）',
  'export.oscal.mappingTitle': (p: { from: string; to: string }) =>
    `OSCAL マッピング：${p.from} ⇔ ${p.to}（IR 8477 の関係）`,
  'export.oscal.resultsTitle': (p: { name: string }) => `OSCAL 評価結果（assessment-results）：${p.name}`,
  'export.ciso.libraryTitle': (p: { guideline: string }) => `CISO Assistant ライブラリ：${p.guideline}（章と単位）`,
  'export.ciso.checklistTitle': 'CISO Assistant ライブラリ：自己評価チェックリスト（スコア1〜5）',
  'export.ciso.mappingTitle': (p: { from: string; to: string }) =>
    `CISO Assistant ライブラリ：${p.from} ⇔ ${p.to} の対応（両方向）`,
  'export.ciso.auditTitle': (p: { name: string }) => `CISO Assistant データインポートウィザード用の監査CSV：${p.name}`,

  // A checklist item's notes in the CISO Assistant library (ciso-assistant.ts).
  'export.ciso.itemHint': (p: { hint: string }) => `確認のしかた: ${p.hint}`,
  'export.ciso.itemPages': (p: { from: number; to: number }) => `公式PDF p.${p.from}–${p.to}`,
  'export.ciso.itemGap': (p: { guideline: string; why: string }) => `${p.guideline}: 対応する条項なし（${p.why}）`,
} satisfies Record<string, string | ((params: never) => string)>;
