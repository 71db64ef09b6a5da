import { readFile } from 'node:fs/promises';
import {
  checklistData,
  gapList,
  NOT_APPLICABLE,
  NOT_APPLICABLE_LABEL,
  parseAssessmentFile,
  scoreAssessment,
  type Assessment,
  type ChecklistData,
  type DataItem,
  type Tally,
} from '../../indexer/assessment/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import { describeOsError, KojoError } from '../../indexer/errors/index.ts';
import { printable } from '../../indexer/text/index.ts';
import { defineCommand } from '../cli/command.ts';
import { contentOption, jsonOption } from './shared.ts';

/** How the items are labelled wherever they are shown: never as the official checklist's items. */
const itemsLabel = (data: ChecklistData) =>
  data.items.some((i) => i.basis === 'official')
    ? '公式PDFから取り込んだチェックリスト項目'
    : '本サイトの確認項目（ガイドラインの項目そのものではありません）';

export default defineCommand({
  name: 'checklist',
  operands: '[report FILE]',
  description:
    'Lists the self-assessment checklist: each item (本サイトの確認項目, or the official items once imported) with its category and the clauses of every guideline that explain it. `report FILE` summarises an assessment exported from the /checklist/ page (JSON or CSV): scores per category and the items below the target level, with the clauses to read next, as Markdown (or JSON).',
  options: {
    content: contentOption,
    json: jsonOption,
    target: {
      type: 'string',
      value: 'N',
      description: "report: the target level gaps are measured against (default: the assessment's own)",
    },
  },
  async run({ content, json, target }, operands) {
    const [action, file, ...rest] = operands;
    if (action !== undefined && action !== 'report')
      throw new KojoError(
        'usage',
        `unknown checklist action "${action}" (use: kojo checklist, or kojo checklist report FILE)`,
      );
    if (action === 'report' && (!file || rest.length))
      throw new KojoError(
        'usage',
        'kojo checklist report takes one FILE (an assessment exported from the checklist page)',
      );
    if (target !== undefined && action !== 'report')
      throw new KojoError('usage', '--target is for kojo checklist report');
    const data = checklistData(await loadValidContent(content));
    if (!data.items.length)
      throw new KojoError(
        'content-invalid',
        `the content folder ${content} has no checklist items (content/checklist/items-*.yml)`,
      );
    if (!file) {
      process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : listText(data));
      return 0;
    }
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new KojoError(
        'usage',
        `cannot read ${file}: ${describeOsError(error) ?? (error as Error).message.split('\n')[0]}`,
      );
    });
    const parsed = parseAssessmentFile(text, file, data);
    if (!parsed.ok) throw new KojoError('assessment-invalid', parsed.error);
    for (const w of parsed.warnings) process.stderr.write(`kojo checklist: ${printable(w)}\n`);
    const level = target === undefined ? parsed.value.target : Number(target);
    if (!Number.isInteger(level) || level < 1 || level > data.levels.length)
      throw new KojoError('usage', `--target must be a level from 1 to ${data.levels.length} (got "${target}")`);
    const report = reportOf(data, parsed.value, level);
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : reportMarkdown(data, report));
    return 0;
  },
});

function linksText(data: ChecklistData, item: DataItem, indent: string): string {
  return data.guidelines
    .map((g) => {
      const links = item.links.filter((l) => l.guideline === g.key);
      if (!links.length) return `${indent}${g.label}: （対応する条項なし）${item.gaps[g.key] ?? ''}\n`;
      return links.map((l) => `${indent}${g.label}: ${l.title}  ${l.url}\n`).join('');
    })
    .concat(item.links.filter((l) => l.kind === 'note').map((l) => `${indent}実務メモ: ${l.title}  ${l.url}\n`))
    .join('');
}

function listText(data: ChecklistData): string {
  const out = [`${itemsLabel(data)} — ${data.items.length}項目\n`];
  for (const c of data.categories) {
    out.push(`\n${c.name}\n`);
    for (const item of data.items.filter((i) => i.category === c.id)) {
      const where = item.pages ? ` （公式PDF p.${item.pages[0]}–${item.pages[1]}）` : '';
      out.push(`  ${item.id}  ${item.text}${where}\n`, linksText(data, item, '      '));
    }
  }
  return out.join('');
}

function reportOf(data: ChecklistData, a: Assessment, target: number) {
  const score = scoreAssessment(data, a, target);
  return {
    name: a.name,
    date: a.date,
    target,
    items: itemsLabel(data),
    categories: score.categories,
    overall: score.overall,
    gaps: gapList(data, a, target).map(({ item, categoryName, level }) => ({
      item: item.id,
      category: categoryName,
      level,
      text: item.text,
      note: a.answers.find((x) => x.item === item.id)?.note ?? '',
      read: item.links,
    })),
    notApplicable: a.answers.filter((x) => x.level === NOT_APPLICABLE).map((x) => x.item),
  };
}
type Report = ReturnType<typeof reportOf>;

const cell = (s: string) => printable(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const avg = (t: Tally) => (t.average === null ? '—' : t.average.toFixed(2));

function reportMarkdown(data: ChecklistData, r: Report): string {
  const levelName = new Map(data.levels.map((l) => [l.level, l.label]));
  const row = (name: string, t: Tally) =>
    `| ${cell(name)} | ${avg(t)} | ${t.rated}/${t.items} | ${t.atTarget} | ${t.notApplicable} | ${t.unanswered} |`;
  const lines = [
    `# 自己評価の結果：${cell(r.name)}${r.date ? `（${r.date}）` : ''}`,
    '',
    `- 項目：${r.items}`,
    `- 目標レベル：${levelName.get(r.target) ?? r.target}`,
    `- レベルは 1〜${data.levels.length}。平均は${NOT_APPLICABLE_LABEL}と未回答を除いた回答の平均です。`,
    '',
    '## 分類ごとの結果',
    '',
    '| 分類 | 平均レベル | 回答済み | 目標以上 | 対象外 | 未回答 |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.categories.map((c) => row(c.name, c)),
    row('全体', r.overall),
    '',
    `## 目標レベル未満の項目（${r.gaps.length}件）`,
    '',
  ];
  if (!r.gaps.length) lines.push('目標レベルに届いていない回答はありません。', '');
  let category = '';
  for (const g of r.gaps) {
    if (g.category !== category) lines.push(`### ${cell(g.category)}`, '');
    category = g.category;
    lines.push(`- **${g.item}**（レベル ${levelName.get(g.level) ?? g.level}）${cell(g.text)}`);
    if (g.note) lines.push(`  - メモ：${cell(g.note)}`);
    for (const l of g.read)
      lines.push(
        `  - 読む：[${l.kind === 'note' ? '実務メモ' : (data.guidelines.find((x) => x.key === l.guideline)?.label ?? l.guideline)} ${cell(l.title)}](${l.url})`,
      );
  }
  return `${lines.join('\n')}\n`;
}
