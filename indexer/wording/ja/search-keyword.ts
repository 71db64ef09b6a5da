/** What /search/'s keyword mode says (site/browser/search-keyword.ts, loaded when a keyword is searched). */
export const searchKeyword = {
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
