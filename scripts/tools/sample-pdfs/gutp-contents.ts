/**
 * The GUTP-shaped sample's title and table of contents, as both generators print them (the
 * typeset model.ts and the plain simple.ts): one list, so the two cannot drift apart.
 */
export const GUTP_TITLE = '工場セキュリティガイドライン 概要編';

/** [number, title] of each chapter (`第N章`). */
export const GUTP_CHAPTERS: readonly (readonly [string, string])[] = [
  ['1', 'はじめに'],
  ['2', '工場FAシステムのセキュリティ対策の考え方'],
  ['3', '対象とするFAシステムの全体像／基本構成'],
  ['4', '対象FAシステムのセキュリティ保護対象と脅威・影響'],
  ['5', 'セキュリティ対策の全体像'],
  ['6', '中小企業の工場におけるセキュリティ対策の考え方'],
  ['7', '参考'],
];

/** [number, title] of each appendix (`付録N`), the checklist first. */
export const GUTP_APPENDICES: readonly (readonly [string, string])[] = [
  ['1', 'チェックリスト'],
  ['2', '調達仕様書テンプレート(記載例)'],
  ['3', '関連／参考資料'],
  ['4', '用語／略語'],
];
