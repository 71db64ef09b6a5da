/** Small Japanese wording helpers for prose that names however many guidelines there are. */

/** `['A', 'B', 'C']` → `A、BとC`; two → `AとB`. */
export function listJa(items: readonly string[], and = 'と'): string {
  if (items.length <= 2) return items.join(and);
  return `${items.slice(0, -1).join('、')}${and}${items.at(-1)}`;
}

const kanjiCounts = ['', '一つ', '二つ', '三つ', '四つ', '五つ', '六つ', '七つ', '八つ', '九つ'];

/** 2 → `二つ`, 12 → `12`: how many guidelines, in running text. */
export function countJa(n: number): string {
  return kanjiCounts[n] ?? `${n}`;
}
