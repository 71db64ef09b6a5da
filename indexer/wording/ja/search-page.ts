/**
 * What the /search/ page's scripts say in the browser (site/browser/search-*.ts, and the "why" line
 * indexer/search writes there and in kojo ask). Its own module so the page's script bundles these
 * entries alone, not the whole dictionary: ../ja.ts composes it with the others for Node and Astro.
 */
export const searchPage = {
  // The status line and its errors (search-page.ts).
  'search.status.idle': '質問やキーワードを入力してください。',
  'search.status.busy': '検索しています…',
  'search.status.noWords': '検索できる語が含まれていません。言葉を足してください。',
  'search.status.noData': '検索データを読み込めませんでした。サイトの管理者に連絡してください。',
  'search.status.failed':
    '検索できませんでした（内部エラー）。ページを再読み込みしても直らない場合は、サイトの管理者に連絡してください。',

  // Question mode (search-question.ts, search-results.ts) and why a result matched (indexer/search/wording.ts).
  /** The question as typed, then what was searched for once cleaned (when that differs). */
  'search.asked': (p: { typed: string; searched?: string }) =>
    `「${p.typed}」${p.searched ? `（検索語: ${p.searched}）` : ''}`,
  'search.question.none': (p: { asked: string }) =>
    `${p.asked}に近い条項は、どのガイドラインにも見つかりませんでした。`,
  'search.question.found': (p: { asked: string; found: string; none: string[] }) =>
    `${p.asked}に近い条項：${p.found}${p.none.length ? `（${p.none.join('・')}には近い条項なし）` : ''}`,
  'search.pointer': 'このテーマを扱う単位（本文は公式PDFで）',
  'search.pointer.importHint':
    '公式PDFをお持ちなら kojo import で本文を取り込むと、その段落が直接の答えとして示されます。',
  /** One group's count: every result found, and how many of them are on screen when not all are. */
  'search.foldedSummary': (p: { count: number }) => `その他の近い条項（${p.count}件）`,
  'search.count': (p: { label: string; total: number; shown: number }) =>
    p.shown < p.total ? `${p.label} ${p.total}件中${p.shown}件を表示` : `${p.label} ${p.total}件`,
  'search.why.viaNote': '関連する実務メモ経由',
  'search.why.meaningOnly': '共通する語はなく、意味の近さで選ばれました',
  // Keyword mode (search-keyword.ts).
  'search.keyword.none': (p: { typed: string }) =>
    `キーワード「${p.typed}」を含む条項は見つかりませんでした。質問の形で探すこともできます。`,
  'search.keyword.found': (p: { typed: string; partial: boolean; expanded: boolean; found: string }) =>
    `キーワード「${p.typed}」${p.partial ? 'の一部の語' : ''}${p.expanded ? '（用語集の同義語を含む）' : ''}を含む条項：${p.found}`,
  'search.keyword.expanded': (p: { typed: string; terms: string[]; forms: string[] }) =>
    `用語集で「${p.typed}」と同じものを指す語（${p.terms.join('・')}）も検索しました${p.forms.length ? `：${p.forms.join('・')}` : ''}。`,
  'search.keyword.groupCount': (p: { total: number; shown: number }) => `${p.total}件中${p.shown}件を表示`,
  'search.keyword.more': (p: { count: number }) => `さらに${p.count}件を表示`,
  'search.keyword.contains': (p: { words: string[] }) => `含む語: ${p.words.join('、')}`,
} satisfies Record<string, string | ((params: never) => string)>;
