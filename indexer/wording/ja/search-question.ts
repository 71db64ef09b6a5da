/**
 * What /search/'s question mode says (site/browser/search-question.ts, loaded when a question is asked),
 * with why a result matched (indexer/search/wording.ts, also kojo ask's). Its own module so the page
 * fetches it with question mode, not before.
 */
export const searchQuestion = {
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

  // Why a result matched (indexer/search/wording.ts).
  'search.why.viaNote': '関連する実務メモ経由',
  'search.why.meaningOnly': '共通する語はなく、意味の近さで選ばれました',
  'search.why.words': (p: { words: string }) => `一致した語: ${p.words}`,
  'search.why.synonyms': (p: { pairs: string }) => `言い換え: ${p.pairs}`,

  // What search decided when nothing came close (indexer/search/wording.ts; the CLI and the search page).
  'search.noCloseMatch': 'この質問に近い条項は見つかりませんでした。',
} satisfies Record<string, string | ((params: never) => string)>;
