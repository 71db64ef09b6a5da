/** The readable answer of `kojo ask`: grouped by guideline, matched words marked. */
import { basisLabel, placeLabel, relationshipLabel, sectionLabel, unverifiedLabel } from '../../indexer/corpus/index.ts';
import type { SearchData } from '../../indexer/index-format/index.ts';
import type { Answer } from '../../indexer/search/index.ts';

export function formatAnswer(answer: Answer, data: SearchData, { color }: { color: boolean }): string {
  const mark = (s: string) => (color ? `\x1b[1;33m${s}\x1b[0m` : `【${s}】`);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const titleOf = new Map(data.clauses.map((c) => [c.id, c]));
  const lines = [`Q: ${answer.normalizedQuery}`, ''];
  for (const g of data.guidelines) {
    const hits = answer.hits.filter((h) => h.guideline === g.key);
    if (!hits.length) continue;
    lines.push(`■ ${g.shortTitle} (${g.label} ${g.version})`);
    hits.forEach((h, i) => {
      let snippet = '';
      let at = 0;
      for (const [s, e] of h.highlights) {
        snippet += h.snippet.slice(at, s) + mark(h.snippet.slice(s, e));
        at = e;
      }
      snippet += h.snippet.slice(at);
      lines.push(`${i + 1}. ${placeLabel(h)} ${h.title}  ${dim(`[${basisLabel[h.basis]}${h.verified ? '' : `・${unverifiedLabel}`}]`)}`);
      lines.push(`   ${snippet}`);
      lines.push(`   ${dim(h.url)}`);
      for (const r of h.related) {
        const other = titleOf.get(r.id);
        if (other) lines.push(`   ↔ ${relationshipLabel[r.relationship]}: ${sectionLabel(other)} ${other.title} ${dim(other.url)}`);
      }
    });
    lines.push('');
  }
  lines.push(dim('非公式の学習用要約です。正確な内容は公式PDFで確認してください。'));
  return `${lines.join('\n')}\n`;
}
