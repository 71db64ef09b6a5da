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
} satisfies Record<string, string | ((params: never) => string)>;
