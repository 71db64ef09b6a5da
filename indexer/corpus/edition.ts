/**
 * Editions as guidelines print them (`Ver 1.0`, `v1.00`, `第1.1版`): the importer reads one off a title
 * page, the checker compares an import with the edition guidelines.yml describes.
 */
const edition = /(?<![a-z])(?:ver(?:sion)?\.?|v)\s*(\d+(?:\.\d+)+)|第\s*(\d+(?:\.\d+)*)\s*版/i;

/** The edition a text names, as printed (`Ver 1.1`), with its numbers (`1.1`). */
export function findEdition(text: string): { printed: string; number: string } | undefined {
  const m = edition.exec(text.normalize('NFKC'));
  return m ? { printed: m[0].trim(), number: (m[1] ?? m[2])! } : undefined;
}

/** Whether two edition numbers are the same edition: 1.0 = 1.00, 1.1 ≠ 1.0. */
export function sameEdition(a: string, b: string): boolean {
  const parts = (s: string) => s.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  const n = Math.max(x.length, y.length);
  return Array.from({ length: n }, (_, i) => (x[i] ?? 0) === (y[i] ?? 0)).every(Boolean);
}

/** Whether two printed editions (`Ver 1.0`, `v1.00`) name the same one; unreadable ones never do. */
export function samePrintedEdition(a: string, b: string): boolean {
  const [x, y] = [findEdition(a), findEdition(b)];
  return Boolean(x && y && sameEdition(x.number, y.number));
}
