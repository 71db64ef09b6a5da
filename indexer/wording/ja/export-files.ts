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

  // What the OSCAL and CISO Assistant files say inside (oscal.ts, ciso-assistant.ts).
  'export.oscal.officialDocument': (p: { licence: string }) => `公式文書。${p.licence}`,
  'export.summaryEdition': (p: { guideline: string }) => `${p.guideline}（kojo-guide 要約版）`,
  'export.oscal.contentNote':
    '各単位の本文は kojo-guide の要約・解説であり、ガイドラインの文言ではありません（公式本文は basis=official）',
  'export.oscal.checklistOfficial': '項目は利用者が保有する公式PDFから取り込んだチェックリストの文言です。',
  'export.oscal.checklistOurs':
    '項目は kojo-guide が両ガイドラインの主題から書いた確認項目で、ガイドラインの項目そのものではありません。',
  'export.mappingName': (p: { from: string; to: string }) => `${p.from} ⇔ ${p.to} 対応表（kojo-guide）`,
  'export.oscal.mappingRemarks': '公開情報と題名から kojo-guide が推定した対応です。公式の対応表ではありません。',
  'export.oscal.mappingDescription': (p: { from: string; to: string }) =>
    `${p.from}の単位から ${p.to}の単位への対応。関係は NIST IR 8477 の集合論的関係、confidence-score の category は stated（公式文書や作成者が明示）か inferred（kojo-guide の推定）です。`,
  'export.oscal.chapterLevel': '章単位の対応（OSCAL の map はコントロールか記述しか指せないため、ここに記します）:',
  'export.oscal.itemNote': (p: { id: string }) => `${p.id} のメモ`,
  'export.notApplicable': '対象外',
  'export.oscal.finding': (p: { id: string; level: string; target: number }) =>
    `${p.id}: レベル ${p.level}（目標 ${p.target}）`,
  'export.oscal.notApplicable': '対象外（not applicable）',
  'export.oscal.assessmentName': (p: { name: string }) => `自己評価：${p.name}`,
  'export.oscal.noPlan':
    '評価計画（assessment plan）はありません。この評価が答えたのは kojo-guide のチェックリスト（back-matter の資料）です。',
  'export.oscal.resultDescription': (p: { items: number; levels: number; target: number }) =>
    `kojo-guide の自己評価チェックリスト（${p.items}項目、レベル1〜${p.levels}）への回答。目標レベル ${p.target}。未回答の項目には finding がありません。`,
  'export.oscal.checklistCatalog': 'kojo-guide 自己評価チェックリスト（OSCAL カタログ）',
  'export.ciso.place': (p: { place: string }) => `位置: ${p.place}`,
  'export.ciso.officialText': (p: { basis: string; pages: string; attribution: string }) =>
    `本文: ${p.basis}（${p.pages}）。${p.attribution}`,
  'export.ciso.officialPdf': '公式PDF',
  'export.ciso.summaryText': (p: { basis: string }) =>
    `本文: ${p.basis}（kojo-guide の要約・解説であり、ガイドラインの文言ではありません）`,
  'export.ciso.unverified': '検証: 未検証（公式PDFと突き合わせていません）',
  'export.ciso.source': (p: { id: string; source: string }) => `情報源 ${p.id}: ${p.source}`,
  'export.ciso.libraryDescription': (p: { document: string; url: string }) =>
    `${p.document}の章と単位。各単位の本文は kojo-guide による要約・解説（ガイドラインの文言ではありません）で、公式PDFから取り込んだ本文は「公式本文」と記します。正確な内容は公式文書で確認してください: ${p.url}`,
  'export.ciso.copyright': (p: { document: string; licence: string }) =>
    `要約・解説: kojo-guide。原典: ${p.document}（${p.licence}）`,
  'export.ciso.checklistOfficial': '公式PDFから取り込んだチェックリスト項目',
  'export.ciso.checklistOurs': '本サイトの確認項目（ガイドラインの項目そのものではありません）',
  'export.ciso.checklistName': (p: { what: string }) => `kojo-guide 自己評価チェックリスト（${p.what}）`,
  'export.ciso.checklistDescription': (p: { levels: number; what: string }) =>
    `工場のセキュリティ対策を項目ごとにレベル1〜${p.levels}で自己評価するチェックリスト。${p.what}。各項目の注記に、それを説明する各ガイドラインの条項を記します。`,
  'export.ciso.levelUndefined': 'このレベルの定義は情報源で確認できていません。',
  'export.ciso.mappingSetName': (p: { from: string; to: string }) => `${p.from} → ${p.to}（kojo-guide の対応づけ）`,
  'export.ciso.mappingSetDescription': (p: { from: string; to: string }) =>
    `${p.from} の章・単位から ${p.to} の章・単位への対応（NIST IR 8477 の関係と根拠の種類）。信頼度と根拠の文章は各対応の注記にあります。`,
  'export.ciso.mappingNote': (p: { confidence: string; chapter: boolean; rationale: string }) =>
    `信頼度: ${p.confidence}\n${p.chapter ? '章単位の対応\n' : ''}根拠: ${p.rationale}`,
  'export.ciso.mappingDescription': (p: { from: string; to: string }) =>
    `kojo-guide が公開情報と題名から推定した ${p.from} と ${p.to} の対応（章単位と単位単位）。公式の対応表ではありません。`,
} satisfies Record<string, string | ((params: never) => string)>;
