/**
 * Footnotes out of the flow: the small numbered lines at the foot of a page are taken out of the text
 * and attached to the line that refers to them (a superscript reference, or the marker 「※1」 printed
 * in the text), so the Markdown puts each note after its paragraph instead of in mid-sentence.
 */
import { commonSize, joinWords, type Footnote, type Line } from './document.ts';

/** Notes are set smaller than the text: at most this share of its size. */
const SMALL = 0.9;
/** A note marked as one (※1, ＊1, *1, 注1): a note wherever it is referred to. */
const markedNote = /^(?:※|＊|\*|注)\s*([0-9０-９]{1,3})[)）.．:：]?\s*(?=\S)/;
/** A note numbered only (1 …, (1) …, 1) …): a note when the page refers to that number. */
const numberedNote =
  /^(?:[(（]([0-9０-９]{1,3})[)）]\s*|([0-9０-９]{1,3})(?:[)）.．:：]\s*|\s+|(?=[^\x00-\x7F０-９])))(?=\S)/;

/**
 * Takes the footnotes out of `lines` (cleaned lines of the document, in reading order): returns the
 * lines without them, each note attached (`notes`) to the line that refers to it.
 */
export function takeFootnotes(lines: Line[]): Line[] {
  const size = commonSize(lines);
  if (!size) return lines;
  const drop = new Set<number>();
  const attach = new Map<number, Footnote[]>();
  for (const [start, end] of pageRanges(lines)) {
    // The foot of the page: the small lines after its last line of text.
    let foot = end;
    while (foot > start && lines[foot - 1]!.size <= SMALL * size) foot--;
    if (foot === end) continue;
    const referred = new Map<string, number>();
    for (let i = start; i < foot; i++)
      for (const r of lines[i]!.refs ?? []) if (!referred.has(r.label)) referred.set(r.label, i);
    const notes: { note: Footnote; last: Line }[] = [];
    for (let i = foot; i < end; i++) {
      const line = lines[i]!;
      const head = noteStart(line, referred);
      const open = notes.at(-1);
      if (head) notes.push({ note: { label: head.label, text: head.text, page: line.page }, last: line });
      else if (open && continuesNote(open.last, line)) {
        open.note.text = joinWords(open.note.text, line.text.trim());
        open.last = line;
      } else if (open) break;
      else continue;
      drop.add(i);
    }
    for (const { note } of notes) {
      const at = referred.get(note.label) ?? markerLine(lines, start, foot, note.label) ?? foot - 1;
      if (at < start) continue;
      attach.set(at, [...(attach.get(at) ?? []), note]);
    }
    // A note with no line of text on its page to follow stays where it is.
    if (foot === start) for (let i = foot; i < end; i++) drop.delete(i);
  }
  return lines.flatMap((line, i) => {
    if (drop.has(i)) return [];
    const notes = attach.get(i);
    return notes ? [{ ...line, notes: [...(line.notes ?? []), ...notes] }] : [line];
  });
}

/** A note's first line: a superscript label at its start, a marked number, or a number the page refers to. */
function noteStart(line: Line, referred: ReadonlyMap<string, number>): { label: string; text: string } | null {
  const text = line.text.trim();
  const first = line.refs?.[0];
  if (first && first.at === 0) return { label: first.label, text };
  const marked = markedNote.exec(text);
  if (marked) return { label: digits(marked[1]!), text: text.slice(marked[0].length) };
  const numbered = numberedNote.exec(text);
  const label = numbered && digits(numbered[1] ?? numbered[2]!);
  return label && referred.has(label) ? { label, text: text.slice(numbered[0].length) } : null;
}

/** A wrapped line of a note: just below it, in its size, not left of its start. */
function continuesNote(last: Line, line: Line): boolean {
  return (
    line.page === last.page &&
    Math.abs(line.size - last.size) < 0.5 &&
    last.y - line.y <= 2 * last.size &&
    line.x >= last.x - 0.5 * last.size
  );
}

/** The line of text printing a note's marker (※1, 注1, *1), for a note no superscript refers to. */
function markerLine(lines: Line[], start: number, end: number, label: string): number | undefined {
  const marker = new RegExp(`(?:※|＊|\\*|注)\\s*${label}(?![0-9])`);
  for (let i = start; i < end; i++) if (marker.test(digits(lines[i]!.text))) return i;
  return undefined;
}

/** [start, end) of each page's lines. */
function pageRanges(lines: Line[]): [number, number][] {
  const ranges: [number, number][] = [];
  lines.forEach((line, i) => {
    const last = ranges.at(-1);
    if (last && lines[last[1] - 1]!.page === line.page) last[1] = i + 1;
    else ranges.push([i, i + 1]);
  });
  return ranges;
}

function digits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
