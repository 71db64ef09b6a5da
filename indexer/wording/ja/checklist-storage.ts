/**
 * What /checklist/ says when the answers saved in this browser cannot be read (indexer/assessment/storage.ts,
 * bundled by both the page's application and its export buttons). Its own module so each of those scripts
 * carries these entries alone, not the other's part (./checklist-page.ts, ./checklist-export.ts).
 */
export const checklistStorage = {
  'checklist.storage.broken': '保存されている回答を読み取れません（壊れています）。',
  'checklist.storage.newer':
    'このブラウザには、より新しい版のページで保存された回答があります。新しい版のページで開いてください。',
  'checklist.storage.unknownLayout': '保存されている回答の形式を読み取れません。',
} satisfies Record<string, string | ((params: never) => string)>;
