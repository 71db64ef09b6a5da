/**
 * What the /search/ page's own script says (site/browser/search-page.ts and search-results.ts, loaded
 * with the page). Its own module so that script bundles these entries alone; what the question and
 * keyword modes say comes with them (./search-question.ts, ./search-keyword.ts). ../ja.ts composes
 * them all for Node and Astro.
 */
export const searchPage = {
  // The status line and its errors (search-page.ts).
  'search.status.idle': '質問やキーワードを入力してください。',
  'search.status.busy': '検索しています…',
  'search.status.noWords': '検索できる語が含まれていません。言葉を足してください。',
  'search.status.noData': '検索データを読み込めませんでした。サイトの管理者に連絡してください。',
  'search.status.failed':
    '検索できませんでした（内部エラー）。ページを再読み込みしても直らない場合は、サイトの管理者に連絡してください。',

  // Each group's count and its folded results (search-results.ts).
  /** One group's count: every result found, and how many of them are on screen when not all are. */
  'search.foldedSummary': (p: { count: number }) => `その他の近い条項（${p.count}件）`,
  'search.count': (p: { label: string; total: number; shown: number }) =>
    p.shown < p.total ? `${p.label} ${p.total}件中${p.shown}件を表示` : `${p.label} ${p.total}件`,
} satisfies Record<string, string | ((params: never) => string)>;
