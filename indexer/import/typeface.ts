/**
 * What sets a heading apart from the body text by its type alone: larger, bold, or another font than
 * the body's at about its size. One judgement for both readers of a document's structure — the import
 * of a known guideline (detect.ts) and the proposal of a new one's table of contents (propose.ts).
 */
import { commonSize, type Line } from './document.ts';

/** A heading is at most this long; a longer line is text. */
export const MAX_HEADING = 90;
/** Type this much larger than the body text reads as a heading. */
const HEADING_SCALE = 1.12;

/** Whether a line is set in a heading's typeface, judged against the body text of `lines` (PDFs only). */
export function headingTypeface(lines: Line[], pdf: boolean): (l: Line) => boolean {
  const bodySize = commonSize(lines);
  const bodyFont = commonFont(lines);
  return (l) =>
    pdf &&
    (l.size >= bodySize * HEADING_SCALE ||
      (l.size >= bodySize * 0.95 &&
        (l.bold || (l.font !== undefined && bodyFont !== undefined && l.font !== bodyFont))));
}

/** The font most of the text is set in (by characters), when fonts are known. */
function commonFont(lines: Line[]): string | undefined {
  const chars = new Map<string, number>();
  for (const l of lines) if (l.font) chars.set(l.font, (chars.get(l.font) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0];
}
