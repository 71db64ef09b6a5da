/**
 * What /checklist/'s GRC export buttons say (site/browser/checklist-export.ts, loaded with the page).
 * Its own module so that script carries these three entries, not the application's (./checklist-page.ts).
 */
export const checklistExport = {
  'checklist.export.none': '書き出す評価がありません。',
  'checklist.export.done': (p: { name: string; format: string }) => `「${p.name}」を${p.format}として書き出しました。`,
  'checklist.export.failed': (p: { reason: string }) => `書き出しの準備ができませんでした：${p.reason}`,
} satisfies Record<string, string | ((params: never) => string)>;
