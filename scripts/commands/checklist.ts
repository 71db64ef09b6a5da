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
import { escapeMarkdown } from '../../indexer/import/index.ts';
import { escaped, printable } from '../../indexer/text/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { linkMaker } from '../cli/base-url.ts';
import { defineCommand, integerError } from '../cli/command.ts';
import { errorLine, say } from '../cli/terminal.ts';
import { baseUrlOption, contentOption, jsonOption } from './shared.ts';

/** How the items are labelled wherever they are shown: never as the official checklist's items. */
const itemsLabel = (data: ChecklistData) =>
  data.items.some((i) => i.basis === 'official') ? t('checklist.items.official') : t('checklist.items.project');

const report = defineCommand({
  name: 'report',
  summary: t('checklist.report.summary'),
  operands: 'FILE',
  description: t('checklist.report.help'),
  options: {
    content: contentOption,
    json: jsonOption,
    target: {
      type: 'integer',
      min: 1,
      max: t('checklist.report.targetMax'),
      value: 'N',
      description: t('checklist.report.target'),
    },
    'base-url': baseUrlOption,
  },
  async run({ content, json, target, 'base-url': baseUrl }, [file, ...rest]) {
    if (!file || rest.length) throw new KojoError('usage', t('checklist.report.oneFile'));
    const link = linkMaker(baseUrl);
    const data = await checklistOf(content);
    const bytes = await readFile(file).catch((error: unknown) => {
      const reason = describeOsError(error) ?? errorLine(error);
      throw new KojoError('usage', t('cli.error.cannotRead', { file, reason }));
    });
    const parsed = parseAssessmentFile(utf8Of(bytes, file), file, data);
    if (!parsed.ok) throw new KojoError('assessment-invalid', parsed.error);
    // An export from another edition can have thousands of unknown rows: a few say what, a count says how many.
    for (const w of parsed.warnings.slice(0, SHOWN_WARNINGS)) say(process.stderr, `kojo checklist: ${w}`);
    if (parsed.warnings.length > SHOWN_WARNINGS)
      say(
        process.stderr,
        `kojo checklist: ${t('checklist.moreWarnings', { count: parsed.warnings.length - SHOWN_WARNINGS })}`,
      );
    // The highest level is the content's, so only here is the whole range known.
    if (target !== undefined && target > data.levels.length)
      throw integerError('target', String(target), { min: 1, max: data.levels.length });
    const report = reportOf(data, parsed.value, target ?? parsed.value.target, link);
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : reportMarkdown(data, report));
    return 0;
  },
});

const SHOWN_WARNINGS = 5;

/** The file as UTF-8 text; Shift_JIS (Excel's default CSV in Japan) is named, not misread as missing columns. */
function utf8Of(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KojoError('assessment-invalid', t('checklist.notUtf8', { file }));
  }
}

export default defineCommand({
  name: 'checklist',
  description: t('checklist.help'),
  options: { content: contentOption, json: jsonOption },
  subcommands: [report],
  async run({ content, json }) {
    const data = await checklistOf(content);
    process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : listText(data));
    return 0;
  },
});

async function checklistOf(content: string): Promise<ChecklistData> {
  const data = checklistData(await loadValidContent(content));
  if (!data.items.length) throw new KojoError('content-invalid', t('checklist.noItems', { content }));
  return data;
}

function linksText(data: ChecklistData, item: DataItem, indent: string): string {
  return data.guidelines
    .map((g) => {
      const links = item.links.filter((l) => l.guideline === g.key);
      if (!links.length) return `${indent}${g.label}: ${t('checklist.noClause')}${escaped(item.gaps[g.key] ?? '')}\n`;
      return links.map((l) => `${indent}${escaped(`${g.label}: ${l.title}  ${l.url}`)}\n`).join('');
    })
    .concat(
      item.links
        .filter((l) => l.kind === 'note')
        .map((l) => `${indent}${t('checklist.note')}: ${escaped(`${l.title}  ${l.url}`)}\n`),
    )
    .join('');
}

function listText(data: ChecklistData): string {
  const out = [`${t('checklist.list.heading', { label: itemsLabel(data), count: data.items.length })}\n`];
  for (const c of data.categories) {
    out.push(`\n${escaped(c.name)}\n`);
    for (const item of data.items.filter((i) => i.category === c.id)) {
      const where = item.pages ? t('checklist.list.pages', { from: item.pages[0], to: item.pages[1] }) : '';
      // Text from content, shown escaped as every terminal string is (scripts/cli/terminal.ts).
      out.push(`  ${escaped(`${item.id}  ${item.text}`)}${where}\n`, linksText(data, item, '      '));
    }
  }
  return out.join('');
}

function reportOf(data: ChecklistData, a: Assessment, target: number, link: (path: string) => string) {
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
      read: item.links.map((l) => ({ ...l, url: link(l.url) })),
      crosswalk: item.crosswalk ?? [],
    })),
    notApplicable: a.answers.filter((x) => x.level === NOT_APPLICABLE).map((x) => x.item),
  };
}
type Report = ReturnType<typeof reportOf>;

/**
 * Text from the assessment file (a name, a note someone else wrote) as Markdown text only: HTML,
 * links, emphasis and table pipes escaped, so nothing in it renders live where the report is viewed.
 */
const cell = (s: string) => escapeMarkdown(printable(s).replace(/\s*\n\s*/g, ' '));
const avg = (t: Tally) => (t.average === null ? '—' : t.average.toFixed(2));

function reportMarkdown(data: ChecklistData, r: Report): string {
  const levelName = new Map(data.levels.map((l) => [l.level, l.label]));
  const row = (name: string, tally: Tally) =>
    `| ${cell(name)} | ${avg(tally)} | ${tally.rated}/${tally.items} | ${tally.atTarget} | ${tally.notApplicable} | ${tally.unanswered} |`;
  const lines = [
    t('checklist.report.title', { name: cell(r.name), date: r.date }),
    '',
    t('checklist.report.items', { label: r.items }),
    t('checklist.report.targetLine', { level: String(levelName.get(r.target) ?? r.target) }),
    t('checklist.report.levels', { top: data.levels.length, notApplicable: NOT_APPLICABLE_LABEL }),
    '',
    t('checklist.report.byCategory'),
    '',
    t('checklist.report.tableHead'),
    '|---|---:|---:|---:|---:|---:|',
    ...r.categories.map((c) => row(c.name, c)),
    row(t('checklist.report.overall'), r.overall),
    '',
    t('checklist.report.gaps', { count: r.gaps.length }),
    '',
  ];
  if (!r.gaps.length) lines.push(t('checklist.report.noGaps'), '');
  let category = '';
  for (const g of r.gaps) {
    if (g.category !== category) lines.push(`### ${cell(g.category)}`, '');
    category = g.category;
    lines.push(
      t('checklist.report.gap', { item: g.item, level: String(levelName.get(g.level) ?? g.level), text: cell(g.text) }),
    );
    if (g.note) lines.push(t('checklist.report.memo', { note: cell(g.note) }));
    for (const l of g.read) {
      const source =
        l.kind === 'note'
          ? t('checklist.note')
          : (data.guidelines.find((x) => x.key === l.guideline)?.label ?? l.guideline ?? '');
      lines.push(t('checklist.report.read', { source, title: cell(l.title), url: l.url }));
    }
    for (const c of g.crosswalk)
      lines.push(t('crosswalk.report.counterparts', { label: cell(c.label), ids: c.entries.map((e) => cell(e.id)) }));
  }
  return `${lines.join('\n')}\n`;
}
