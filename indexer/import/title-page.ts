/**
 * What the title page says: the document's title and its edition (`Ver 1.0`, `v1.00`, `第1.1版`),
 * the evidence that the file is the guideline and the edition the corpus describes.
 */
import { findEdition, type GuidelineMeta } from '../corpus/index.ts';
import { joinWords, type Line } from './document.ts';
import { titleSimilarity } from './units.ts';

export interface TitlePage {
  /** The title as printed (lines joined), if one could be told. */
  title?: string;
  edition?: { printed: string; number: string };
  /** The registered guideline whose title it is, if any. */
  guideline?: GuidelineMeta;
}

/**
 * Reads the first pages' lines: the title is the run of one to three lines that reads as one of the
 * registered guidelines' titles, else the largest type on the first page; the edition is the first
 * one named.
 */
export function readTitlePage(lines: Line[], guidelines: readonly GuidelineMeta[]): TitlePage {
  const firstPages = lines.filter((l) => l.page <= (lines[0]?.page ?? 1) + 1);
  const found = findEditionIn(firstPages);
  // The best-matching run of lines: a title set on two lines matches better whole than by its first line.
  let best: { score: number; title: string; guideline: GuidelineMeta } | undefined;
  for (let i = 0; i < firstPages.length; i++) {
    for (let n = 1; n <= 3 && i + n <= firstPages.length; n++) {
      const title = stripEdition(joinLines(firstPages.slice(i, i + n)));
      for (const guideline of guidelines) {
        const score = titleSimilarity(guideline.title, title);
        if (score >= 0.7 && score > (best?.score ?? 0)) best = { score, title, guideline };
      }
    }
  }
  if (best) return { title: best.title, guideline: best.guideline, ...(found ? { edition: found } : {}) };
  const page1 = firstPages.filter((l) => l.page === firstPages[0]?.page);
  const biggest = Math.max(0, ...page1.map((l) => l.size));
  const top = page1.filter((l) => l.size === biggest && l.text.trim());
  const title = top.length && top.length < page1.length ? joinLines(top.slice(0, 3)) : page1[0]?.text.trim();
  return { ...(title ? { title: stripEdition(title) } : {}), ...(found ? { edition: found } : {}) };
}

function findEditionIn(lines: Line[]) {
  for (const line of lines) {
    const e = findEdition(line.text);
    if (e) return e;
  }
  return undefined;
}

function joinLines(lines: Line[]): string {
  return lines.reduce((text, l) => joinWords(text, l.text.trim()), '');
}

function stripEdition(text: string): string {
  const printed = findEdition(text)?.printed;
  const rest = printed ? text.normalize('NFKC').replace(printed, '').trim() : text;
  return rest || text;
}
