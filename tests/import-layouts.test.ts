/**
 * `kojo import` on the generated corpus of realistic layouts (scripts/tools/sample-pdfs): every unit
 * cut exactly where its ground truth says (pages, heading line, last line), no running line left in
 * the text, and an exit status that tells the truth — 0 only when the import is whole and right,
 * 1 with nothing written otherwise, unless --allow-partial. Plus the review a person does (--report).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportManifest } from '../indexer/corpus/index.ts';
import {
  guidelineText,
  layoutNamed,
  layouts,
  metiSpec,
  type SamplePdf,
  samplePdf,
} from '../scripts/tools/sample-pdfs/index.ts';
import { kojo, root } from './helpers/cli.ts';

const cache = join(root, 'tests', '.tmp', 'sample-pdfs');
let dir: string;
let content: string;

beforeAll(() => {
  mkdirSync(join(root, 'tests', '.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, 'tests', '.tmp', 'layouts-'));
  content = join(dir, 'content');
  mkdirSync(content);
  copyFileSync(join(root, 'content', 'guidelines.yml'), join(content, 'guidelines.yml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Cut {
  chapter: string;
  section: string;
  pages: [number, number];
  first: string;
  last: string;
}
type Report = ImportManifest & {
  out: string | null;
  complete: boolean;
  written: boolean;
  problems: string[];
  cuts: Cut[];
  textless: number[];
  contentsPages: number[];
};

/** `kojo import --json` of a file into a fresh folder: status, the JSON, stderr, and the unit files written. */
function runImport(file: string, guideline: string, extra: string[] = []) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const r = kojo(['import', file, '--guideline', guideline, '--content', content, '--out', out, '--json', ...extra]);
  expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  const json = r.stdout ? (JSON.parse(r.stdout) as Report) : undefined;
  const texts = existsSync(out)
    ? readdirSync(out)
        .filter((f) => f.endsWith('.md'))
        .map((f) => readFileSync(join(out, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
    : [];
  return { status: r.status, json, stderr: r.stderr, out, texts };
}

/** Compared as printed, whatever the spaces and the Markdown escapes. */
const norm = (s: string) => s.normalize('NFKC').replace(/\\(.)/g, '$1').replace(/\s+/g, '');

describe.each(layouts.filter((l) => !l.headingInImage))('kojo import of the $name layout', (layout) => {
  let sample: SamplePdf;
  let run: ReturnType<typeof runImport>;
  beforeAll(async () => {
    sample = await samplePdf(layout, cache);
    run = runImport(sample.path, layout.guideline);
  });

  it('exits 0 and writes every unit of the table of contents', () => {
    expect(run.stderr).not.toMatch(/incomplete/);
    expect(run.status).toBe(0);
    expect(run.json!.complete).toBe(true);
    expect(run.json!.units.every((u) => u.found)).toBe(true);
    expect(run.texts).toHaveLength(run.json!.units.length);
  });

  it('cuts each unit exactly: its pages, its heading line and its last line', () => {
    const cuts = new Map(run.json!.cuts.map((c) => [`${c.chapter}/${c.section}`, c]));
    for (const unit of sample.truth.units) {
      const key = `${unit.chapter}/${unit.section}`;
      const cut = cuts.get(key);
      expect(cut?.pages, key).toEqual(unit.pages);
      expect(norm(cut!.first), key).toBe(norm(unit.first));
      // A footnote at the foot of the last page may be read last.
      expect([unit.last, ...(unit.notes ?? [])].map(norm), key).toContain(norm(cut!.last));
    }
    expect(run.json!.contentsPages).toEqual(sample.truth.contentsPages);
  });

  it('leaves no running header or footer in the text', () => {
    const text = norm(run.texts.join('\n'));
    const raw = run.texts.join('\n');
    // A bare page number cannot be told from a number in the text (a table's level column).
    for (const line of sample.truth.running.filter((r) => !/^\d+$/.test(r))) {
      // A page number as printed (`- 3 -`, `3 / 60`) is looked for as such: `-3-` is also part of a URL.
      if (/^[-\d\s/]+$/.test(line))
        expect(raw, line).not.toMatch(new RegExp(`(^|\\s)${line.replace(/[/-]/g, '\\$&')}(\\s|$)`));
      else expect(text, line).not.toContain(norm(line));
    }
  });
});

describe('kojo import: corrections and warnings it must report', () => {
  it('corrects each bookmark that points a page off, saying where the heading is', async () => {
    const { path, truth } = await samplePdf(layoutNamed('meti-shifted-bookmarks'), cache);
    expect(truth.shiftedBookmarks.length).toBeGreaterThan(3);
    const run = runImport(path, 'meti');
    expect(run.status).toBe(0);
    expect(run.json!.method).toBe('outline');
    const corrections = run.json!.notes!.filter((n) => n.kind === 'correction').map((n) => n.text);
    for (const s of truth.shiftedBookmarks)
      expect(
        corrections.some((c) => c.includes(`points to p.${s.bookmark}, but its heading is printed on p.${s.heading}`)),
        s.unit,
      ).toBe(true);
  });

  it('lists the pages without a text layer, and still imports the rest', async () => {
    const { path, truth } = await samplePdf(layoutNamed('meti-scanned-pages'), cache);
    expect(truth.imagePages.length).toBeGreaterThan(0);
    const run = runImport(path, 'meti');
    expect(run.status).toBe(0);
    expect(run.json!.textless).toEqual(truth.imagePages);
    expect(run.json!.notes!.map((n) => n.text).join('\n')).toMatch(
      new RegExp(
        `no text layer \\(images only\\): p\\.${truth.imagePages.join(', ')} — their text is not imported$`,
        'm',
      ),
    );
  });

  it('reads a tagged PDF whose headings differ from the body only by their structure tags', async () => {
    const { path } = await samplePdf(layoutNamed('meti-tagged'), cache);
    expect(runImport(path, 'meti', ['--dry-run']).json!.method).toBe('tagged');
  });
});

describe('kojo import is never silent', () => {
  it('exits 1 and writes nothing when a unit is missing (its heading only in a scanned image), naming it and the page', async () => {
    const { path, truth } = await samplePdf(layoutNamed('meti-heading-in-image'), cache);
    const missing = truth.units.find((u) => u.missing)!;
    const run = runImport(path, 'meti');
    expect(run.status).toBe(1);
    expect(existsSync(run.out)).toBe(false);
    expect(run.json!.written).toBe(false);
    expect(run.stderr).toMatch(
      new RegExp(
        `^kojo: incomplete import of .*: 1 of 25 units not found \\(${missing.section}\\); nothing written`,
        'm',
      ),
    );
    const scan = truth.imagePages.filter((p) => p <= missing.pages[0]).at(-1)!;
    expect(run.json!.notes!.map((n) => n.text)).toContain(
      `${missing.section} not found: its heading may be on p.${scan}, which has no text layer`,
    );
  });

  it('with --allow-partial writes what was found, exits 0, and import.yml records what is missing', async () => {
    const { path, truth } = await samplePdf(layoutNamed('meti-heading-in-image'), cache);
    const missing = truth.units.find((u) => u.missing)!;
    const run = runImport(path, 'meti', ['--allow-partial']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /incomplete import .*written anyway \(--allow-partial\); import\.yml records what is missing/,
    );
    const manifest = ImportManifest.parse(parse(readFileSync(join(run.out, 'import.yml'), 'utf8')));
    expect(manifest.partial).toBe(true);
    expect(manifest.units.find((u) => u.section === missing.section)).toEqual({
      chapter: missing.chapter,
      section: missing.section,
      found: false,
    });
    expect(run.texts).toHaveLength(24);
    // Written only because kojo check reads it as valid content.
    expect(run.json!.problems).toEqual([]);
  });

  it('prints an empty unit as ✗ and exits 1', () => {
    const spec = metiSpec();
    const empty = spec.units.find((u) => u.heading.startsWith('付録C'))!;
    empty.body = [];
    const file = join(dir, 'empty-unit.txt');
    writeFileSync(file, guidelineText(spec));
    const r = kojo(['import', file, '--guideline', 'meti', '--content', content, '--dry-run']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ {2}✗ 付録C +not found$/m);
    expect(r.stdout).toMatch(/付録C: its heading is on p\.\d+ but no text follows it/);
  });

  it('refuses a file that is not the guideline’s text (kojo import README.md --guideline meti)', () => {
    const out = join(dir, 'readme-out');
    const r = kojo(['import', join(root, 'README.md'), '--guideline', 'meti', '--content', content, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^kojo: not (the text of )?METI「工場システム.*」: .* and \d+ of its 13 chapters were found/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('kojo import --report', () => {
  it('writes a Markdown review: each unit’s pages, first and last lines, length, and the corrections', async () => {
    const { path, truth } = await samplePdf(layoutNamed('meti-shifted-bookmarks'), cache);
    const report = join(dir, 'review.md');
    const run = runImport(path, 'meti', ['--dry-run', '--report', report]);
    expect(run.status).toBe(0);
    const md = readFileSync(report, 'utf8');
    for (const u of truth.units) {
      const row = md
        .split('\n')
        .find((l) => l.startsWith(`| ✓ | ${u.chapter === u.section ? u.chapter : `${u.chapter} ${u.section}`} |`));
      expect(row, u.section).toContain(`| ${u.pages[0]}–${u.pages[1]} |`);
      expect(norm(row!), u.section).toContain(norm(u.first));
    }
    expect(md).toMatch(
      /^- correction \(p\.\d+\): bookmark 「.*」 points to p\.\d+, but its heading is printed on p\.\d+/m,
    );
    expect(md).toMatch(/\*\*outcome\*\*: dry run: nothing written/);
  });

  it('writes an HTML review in which no text from the file can become markup', () => {
    const spec = metiSpec();
    spec.units.at(-1)!.body.push({ p: '<script>alert("x")</script>&amp;' });
    const file = join(dir, 'hostile.txt');
    writeFileSync(file, guidelineText(spec));
    const report = join(dir, 'review.html');
    const r = kojo(['import', file, '--guideline', 'meti', '--content', content, '--dry-run', '--report', report]);
    expect(r.status).toBe(0);
    const html = readFileSync(report, 'utf8');
    // The unit's last line, as read, is the hostile one.
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;');
    expect(html).not.toMatch(/<script/i);
    expect(
      html
        .match(/<[a-z][a-z0-9]*/g)!
        .every((t) => /^<(html|head|meta|title|style|body|h1|h2|dl|dt|dd|p|table|thead|tbody|tr|th|td|ul|li)$/.test(t)),
    ).toBe(true);
  });

  it('refuses a report file of another kind before reading the PDF', () => {
    const r = kojo([
      'import',
      join(root, 'README.md'),
      '--guideline',
      'meti',
      '--content',
      content,
      '--report',
      join(dir, 'r.pdf'),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^kojo: --report .*r\.pdf: name a \.md or \.html file/);
  });
});
