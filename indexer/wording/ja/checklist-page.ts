/**
 * What the /checklist/ page's application says in the browser (site/browser/checklist-app.ts, loaded
 * once the page has a form). Its own module so the script bundles these entries alone, not the whole
 * dictionary: ../ja.ts composes it with the others for Node and Astro.
 */
export const checklistPage = {
  // Keeping the answers in this browser (issue 24 points 6 and 15): said, never hidden.
  'checklist.page.notSaved':
    'このブラウザに回答を保存できませんでした（保存領域が使えないか、いっぱいです）。JSONで書き出して保管してください。',
  'checklist.page.imported': (p: { name: string; answers: number; warnings: string }) =>
    `「${p.name}」を新しい評価として読み込みました（${p.answers}件の回答）。${p.warnings}`,
  'checklist.page.importedNotSaved': (p: { name: string; answers: number; warnings: string }) =>
    `「${p.name}」を読み込みましたが（${p.answers}件の回答）、このブラウザに保存できませんでした（保存領域がいっぱいか、使えません）。ページを閉じると消えるため、JSONで書き出して保管してください。${p.warnings}`,
  'checklist.page.noStorage':
    'このブラウザでは保存が使えないため、回答は保存されません（ページを閉じると消えます）。残すにはJSONで書き出してください。',

  // The assessments: made, named, compared, cleared, deleted, exported and imported (checklist-app.ts).
  'checklist.page.defaultName': (p: { n: number }) => `評価${p.n}`,
  'checklist.page.unnamed': '名前のない評価',
  'checklist.page.noCompare': '比べない',
  'checklist.page.noAnswers': 'まだ回答がありません。',
  'checklist.page.overall': (p: {
    average: string;
    rated: number;
    items: number;
    notApplicable: number;
    unanswered: number;
    target: number;
    atTarget: number;
  }) =>
    `全体の平均レベルは ${p.average}（回答済み ${p.rated} / ${p.items} 項目、対象外 ${p.notApplicable}、未回答 ${p.unanswered}）。目標レベル ${p.target} 以上の項目は ${p.atTarget} 件です。`,
  'checklist.page.changed': (p: { count: number }) => `回答が変わった項目：${p.count}件`,
  'checklist.page.created': (p: { name: string }) => `新しい評価「${p.name}」を作りました。`,
  'checklist.page.cleared': (p: { name: string }) => `「${p.name}」の回答を消去しました。`,
  'checklist.page.deleted': (p: { name: string }) => `評価「${p.name}」を削除しました。`,
  'checklist.page.undone': '元に戻しました。',
  'checklist.page.exported': (p: { name: string; format: string }) => `「${p.name}」を${p.format}で書き出しました。`,
  'checklist.page.importFailed': (p: { error: string }) => `読み込めませんでした（何も変更していません）：${p.error}`,
  'checklist.page.storedKept': (p: { message: string }) =>
    `${p.message} 保存されている内容はそのまま残し、このページでの回答は保存しません。`,
  'checklist.page.loadFailed': (p: { reason: string }) => `チェックリストを読み込めませんでした：${p.reason}`,
} satisfies Record<string, string | ((params: never) => string)>;
