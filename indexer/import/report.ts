/**
 * The review of an import (`kojo import … --report FILE`): each unit's pages, its first and last
 * lines as read, its length, and every correction and warning — what a person checks against the
 * PDF before publishing. Markdown or a standalone HTML page; text from the PDF is escaped in both,
 * so nothing in a PDF can become a link, a script or markup.
 */
import type { ImportManifest } from '../corpus/index.ts';
import { describe, type ImportResult } from './detect.ts';
import { escapeMarkdown } from './markdown.ts';

export interface ReportInput {
  guideline: { key: string; label: string; title: string; version: string };
  file: string;
  result: ImportResult;
  manifest: ImportManifest;
  /** What became of the import. */
  outcome: string;
  /** What `kojo check` would say of the files. */
  problems: string[];
}

interface Row {
  ok: boolean;
  unit: string;
  title: string;
  pages: string;
  first: string;
  last: string;
  chars: string;
}

function rows({ result, manifest }: ReportInput): Row[] {
  return manifest.units.map((u) => {
    const unit = result.units.find((x) => x.chapter === u.chapter && x.section === u.section);
    return {
      ok: u.found,
      unit: describe(u),
      title: unit?.title ?? '',
      pages: u.pages ? `${u.pages[0]}–${u.pages[1]}` : '',
      first: unit?.lines.first ?? '',
      last: unit?.lines.last ?? '',
      chars: u.chars !== undefined ? String(u.chars) : '',
    };
  });
}

function facts(input: ReportInput): [string, string][] {
  const { result, manifest } = input;
  return [
    ['guideline', `${input.guideline.label}「${input.guideline.title}」 ${input.guideline.version}`],
    ['file', `${input.file} (${result.pages} pages, sha256 ${manifest.source.sha256.slice(0, 12)}…)`],
    ['title page', [result.title, result.edition].filter(Boolean).join(' ') || '(not read)'],
    ['found by', result.method],
    ['units', `${manifest.units.filter((u) => u.found).length} of ${manifest.units.length} found`],
    ['outcome', input.outcome],
    ['contents pages skipped', result.contentsPages.join(', ') || 'none'],
    ['pages without text', result.textless.join(', ') || 'none'],
  ];
}

function notes(input: ReportInput): string[] {
  return [
    ...input.result.notes.map((n) => `${n.kind}${n.page ? ` (p.${n.page})` : ''}: ${n.text}`),
    ...input.result.unplaced.map(
      (u) => `heading not placed (p.${u.page}), its text stays with the unit above: ${u.text}`,
    ),
    ...input.problems.map((p) => `kojo check: ${p}`),
  ];
}

export function importReport(input: ReportInput, format: 'md' | 'html'): string {
  return format === 'html' ? html(input) : markdown(input);
}

function markdown(input: ReportInput): string {
  const cell = (t: string) => escapeMarkdown(t).replace(/\n/g, ' ');
  return [
    `# kojo import: ${cell(input.guideline.label)} — review`,
    '',
    ...facts(input).map(([k, v]) => `- **${k}**: ${cell(v)}`),
    '',
    'Check each cut against the PDF: the first line is the heading where the unit starts, the last line is where its text ends.',
    '',
    '| | unit | title | pages | first line | last line | chars |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows(input).map(
      (r) =>
        `| ${r.ok ? '✓' : '✗'} | ${cell(r.unit)} | ${cell(r.title)} | ${r.pages} | ${cell(r.first)} | ${cell(r.last)} | ${r.chars} |`,
    ),
    '',
    '## Corrections and warnings',
    '',
    ...(notes(input).length ? notes(input).map((n) => `- ${cell(n)}`) : ['none']),
    '',
  ].join('\n');
}

/** Text for HTML: every character with a meaning in markup escaped. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!,
  );
}

function html(input: ReportInput): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>kojo import: ${e(input.guideline.label)} — review</title>
<style>
body { font-family: sans-serif; margin: 1.5rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
tr.missing td { background: #fde8e8; }
</style>
</head>
<body>
<h1>kojo import: ${e(input.guideline.label)} — review</h1>
<dl>
${facts(input)
  .map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`)
  .join('\n')}
</dl>
<p>Check each cut against the PDF: the first line is the heading where the unit starts, the last line is where its text ends.</p>
<table>
<thead><tr><th></th><th>unit</th><th>title</th><th>pages</th><th>first line</th><th>last line</th><th>chars</th></tr></thead>
<tbody>
${rows(input)
  .map(
    (r) =>
      `<tr${r.ok ? '' : ' class="missing"'}><td>${r.ok ? '✓' : '✗'}</td><td>${e(r.unit)}</td><td>${e(r.title)}</td><td>${e(r.pages)}</td><td>${e(r.first)}</td><td>${e(r.last)}</td><td>${e(r.chars)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
<h2>Corrections and warnings</h2>
<ul>
${(notes(input).length ? notes(input) : ['none']).map((n) => `<li>${e(n)}</li>`).join('\n')}
</ul>
</body>
</html>
`;
}
