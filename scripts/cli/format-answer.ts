/** The readable answer of `kojo ask`: grouped by guideline, then the practice notes, matched words marked. */
import {
  basisLabel,
  notesHeading,
  pdfPages,
  placeAndTitle,
  placeLabel,
  relationshipLabel,
  sectionLabel,
  unverifiedLabel,
  type GuidelineInfo,
} from '../../indexer/corpus/index.ts';
import { groupHits, NO_CLOSE_MATCH, whyText, type Answer } from '../../indexer/search/index.ts';
import { printable as p } from '../../indexer/text/index.ts';
import { t } from '../../indexer/wording/index.ts';
import type { FaqAnswer } from './faq.ts';

/**
 * Everything from the content, the index or the question goes through `p` (printable): a title or a
 * snippet carrying `\x1b[…` would otherwise drive the reader's terminal. Only the marks added here
 * are escape codes.
 */
export function formatAnswer(
  answer: Answer,
  guidelines: readonly GuidelineInfo[],
  { color, faq = null }: { color: boolean; faq?: FaqAnswer | null },
): string {
  const mark = (s: string) => (color ? `\x1b[1;33m${s}\x1b[0m` : `【${s}】`);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const lines = [`Q: ${p(answer.normalizedQuery)}`, ''];
  // The FAQ entry the question asks, first, as the site shows it above the results.
  if (faq)
    lines.push(t('ask.faq.heading'), `Q. ${p(faq.question)}`, `A. ${p(faq.answer)}`, `   ${dim(p(faq.url))}`, '');
  const labels = new Map(guidelines.map((g) => [g.key, g.label]));
  const { units, notes } = groupHits(answer.hits);
  const groups = [
    ...guidelines.map((g) => ({
      // A reference framework's short title is its label already (NIST CSF 2.0): say it once, with its kind.
      heading:
        g.kind === 'reference'
          ? `■ ${p(g.shortTitle)} ${t('ask.referenceGroup')}`
          : `■ ${p(g.shortTitle)} (${p(g.label)} ${p(g.version)})`,
      hits: units.find((u) => u.guideline === g.key)?.hits ?? [],
      close: answer.verdicts[g.key]?.closeMatch ?? true,
    })),
    { heading: `■ ${notesHeading}`, hits: notes, close: answer.notes?.closeMatch ?? true },
  ];
  for (const { heading, hits, close } of groups) {
    if (!hits.length) continue;
    lines.push(heading);
    if (!close) lines.push(`${NO_CLOSE_MATCH} ${dim(t('ask.nearestAnyway'))}`);
    hits.forEach((h, i) => {
      // Weak results come last (present.ts): one heading before the first of them.
      if (h.folded && !hits[i - 1]?.folded) lines.push(`  ${dim(t('search.folded'))}:`);
      // Cleaned piece by piece, so the highlight offsets still point into the snippet as indexed.
      let snippet = '';
      let at = 0;
      for (const [s, e] of h.highlights) {
        snippet += p(h.snippet.slice(at, s)) + mark(p(h.snippet.slice(s, e)));
        at = e;
      }
      snippet += p(h.snippet.slice(at));
      const place = h.kind === 'note' ? t('list.note') : placeLabel(h);
      const cite = h.pages ? `・${pdfPages(h.pages)}` : '';
      const badge =
        h.kind === 'note'
          ? ''
          : `  ${dim(`[${basisLabel[h.basis]}${cite}${h.verified ? '' : `・${unverifiedLabel}`}]`)}`;
      lines.push(`${i + 1}. ${p(placeAndTitle(place, h.title))}${badge}`);
      if (h.role === 'pointer')
        lines.push(
          `   ${t('search.pointer')}${h.basis === 'official' ? '' : ` ${dim(t('search.pointer.importHint'))}`}`,
        );
      lines.push(`   ${snippet}`);
      lines.push(`   ${dim(p(whyText(h.why)))}`);
      lines.push(`   ${dim(p(h.url))}`);
      // One line per guideline however many of its units correspond (GUTP 5章 has seven in METI).
      for (const key of new Set(h.related.map((r) => r.guideline))) {
        const items = h.related
          .filter((r) => r.guideline === key)
          .map(
            (r) =>
              `${relationshipLabel[r.relationship]} ${p(placeAndTitle(sectionLabel(r), r.title))} ${dim(p(r.url))}`,
          );
        lines.push(`   ${t('ask.counterparts', { guideline: p(labels.get(key) ?? key), items })}`);
      }
    });
    lines.push('');
  }
  const official = answer.hits.some((h) => h.basis === 'official');
  lines.push(dim(official ? t('ask.footer.official') : t('ask.footer.unofficial')));
  return `${lines.join('\n')}\n`;
}
