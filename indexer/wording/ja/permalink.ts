/**
 * What a permalink's copy button says (site/browser/permalink-copy.ts, on every reading page). Its own
 * module so those pages bundle these two entries alone: ../ja.ts composes it with the others.
 */
export const permalink = {
  'permalink.copied': (p: { url: string }) => `リンクをコピーしました：${p.url}`,
  'permalink.notCopied': (p: { url: string }) => `コピーできませんでした。リンク：${p.url}`,
} satisfies Record<string, string | ((params: never) => string)>;
