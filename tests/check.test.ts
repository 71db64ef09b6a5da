import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../indexer/corpus/node.ts';
import { kojo } from './helpers/cli.ts';
import { contentTree, minimalContent } from './helpers/fixture.ts';
import { problemsOf } from './helpers/problems.ts';

describe('kojo check', () => {
  it('accepts a valid tree', async () => {
    expect(await problemsOf(minimalContent)).toEqual([]);
  });

  it('reports a missing front matter field with file and line', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('chapter: "3"\n', '') });
    // The file's clauses cannot be read, but references to them are not reported: the cause is.
    expect(await problemsOf(dir)).toEqual(['meti/03.md:2 front-matter-invalid']);
  });

  it('reports malformed front matter', async () => {
    const dir = contentTree({ 'gutp/01.md': (s) => s.replace('basis: official-toc', 'basis: [oops') });
    expect(await problemsOf(dir)).toEqual(['gutp/01.md:4 front-matter-yaml']);
  });

  it('reports a missing front matter block', async () => {
    const dir = contentTree({ 'gutp/appx1.md': (s) => s.replace(/^---[\s\S]*?---\n/, '') });
    expect(await problemsOf(dir)).toEqual(['gutp/appx1.md:1 front-matter-missing']);
  });

  it('reports a file whose guideline is not its folder', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('guideline: meti', 'guideline: nisc') });
    expect(await problemsOf(dir)).toEqual(['meti/03.md:1 guideline-folder-mismatch']);
  });

  it('reports a mapping that reads against the order of guidelines.yml', async () => {
    const dir = contentTree({
      'mappings/clauses.yml': (s) =>
        s
          .replace('from: meti-1-eol', 'from: gutp-tmp')
          .replace('to: gutp-1-eol', 'to: meti-1-eol')
          .replace('from: gutp-tmp', 'from: gutp-1-eol'),
    });
    expect(await problemsOf(dir)).toEqual(['mappings/clauses.yml:1 mapping-order']);
  });

  it('reports a guideline key that would collide with a content folder or a site page', async () => {
    const dir = contentTree({ 'guidelines.yml': (s) => s.replace('- key: gutp', '- key: faq') });
    // Its clause files, mappings and FAQ citations then belong to no known guideline: the key is the cause.
    expect(await problemsOf(dir)).toEqual(['guidelines.yml:14 entry-invalid']);
  });

  it('reports a guideline folder that is a file', async () => {
    const dir = contentTree();
    rmSync(join(dir, 'gutp'), { recursive: true });
    writeFileSync(join(dir, 'gutp'), 'not a folder');
    expect(await problemsOf(dir)).toEqual(['gutp:1 folder-unreadable']);
  });

  it('reports a chapter slug given twice', async () => {
    const dir = contentTree({ 'guidelines.yml': (s) => s.replace('slug: ch3', 'slug: ch1') });
    expect(await problemsOf(dir)).toContainEqual('guidelines.yml:1 chapter-duplicate');
  });

  it('reports an unknown chapter label', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('chapter: "3"', 'chapter: 付録Z') });
    expect(await problemsOf(dir)).toEqual(['meti/03.md:1 chapter-unknown']);
  });

  it('reports duplicate ids at the second definition, naming the first', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('#meti-3-step1-4', '#meti-1') });
    expect(await problemsOf(dir)).toContainEqual('meti/03.md:7 clause-id-duplicate');
    const { problems } = await checkContent(dir);
    expect(problems.find((p) => p.rule === 'clause-id-duplicate')?.message).toMatch(/meti\/01\.md:7\b/);
  });

  it('reports a mapping to a missing clause', async () => {
    const dir = contentTree({ 'mappings/clauses.yml': (s) => s.replace('to: gutp-1-eol', 'to: gutp-gone') });
    expect(await problemsOf(dir)).toEqual(['mappings/clauses.yml:1 mapping-unknown-ref']);
  });

  it('reports glossary and FAQ references to missing clauses', async () => {
    const dir = contentTree({
      'glossary/terms.yml': (s) => s.replace('gutp-1-eol]', 'gutp-nowhere]'),
      'faq/faq.yml': (s) => s.replace('meti-1-eol,', 'meti-nowhere,'),
    });
    expect(await problemsOf(dir)).toEqual([
      'faq/faq.yml:1 faq-unknown-ref',
      'glossary/terms.yml:1 glossary-unknown-ref',
    ]);
  });

  it('reports an FAQ answer that cites only one guideline', async () => {
    const dir = contentTree({ 'faq/faq.yml': (s) => s.replace('gutp-1-eol]', 'meti-1]') });
    expect(await problemsOf(dir)).toEqual(['faq/faq.yml:1 faq-missing-guideline']);
  });

  it('reports an unknown relationship type at its line', async () => {
    const dir = contentTree({
      'mappings/chapters.yml': (s) => s.replace('relationship: intersects', 'relationship: overlaps'),
    });
    // The rejected entry still names its chapters: they are not reported as unmapped on top.
    expect(await problemsOf(dir)).toEqual(['mappings/chapters.yml:9 entry-invalid']);
  });

  it('reports a chapter with neither a mapping nor a no-counterpart entry', async () => {
    const dir = contentTree({ 'mappings/chapters.yml': (s) => s.split('- from: meti:3')[0]! });
    const { problems } = await checkContent(dir);
    expect(problems.map((p) => [p.rule, p.message.split(' has ')[0]])).toEqual([
      ['chapter-unmapped', 'meti chapter 3'],
      ['chapter-unmapped', 'gutp chapter 付録1'],
    ]);
  });

  it('accepts a no-counterpart entry in place of a mapping, and requires to: null for it', async () => {
    const noCounterpart = (to: string) => (s: string) =>
      `${s.split('- from: meti:3')[0]}- from: meti:3\n  to: ${to}\n  relationship: no-counterpart\n  rationaleType: semantic\n  confidence: inferred\n  rationale: 対応する章がない。\n- from: gutp:付録1\n  to: null\n  relationship: no-counterpart\n  rationaleType: semantic\n  confidence: inferred\n  rationale: 対応する章がない。\n`;
    expect(await problemsOf(contentTree({ 'mappings/chapters.yml': noCounterpart('null') }))).toEqual([]);
    expect(await problemsOf(contentTree({ 'mappings/chapters.yml': noCounterpart('gutp:1') }))).toEqual([
      'mappings/chapters.yml:8 entry-invalid',
    ]);
  });

  it('reports an empty clause body', async () => {
    const dir = contentTree({ 'gutp/appx1.md': (s) => s.replace('対策の達成度を確かめるための一覧です。', '') });
    // The chapter then has no clause, which follows from the empty body: one problem, the cause.
    expect(await problemsOf(dir)).toEqual(['gutp/appx1.md:7 body-empty']);
  });

  it('reports a heading without attributes and text outside any clause', async () => {
    const dir = contentTree({
      'meti/03.md': (s) =>
        s.replace('{#meti-3-step1-4 section=ステップ1-4}', '').replace('---\n\n##', '---\n\n迷子の段落。\n\n##'),
    });
    expect(await problemsOf(dir)).toEqual([
      'meti/03.md:7 text-outside-clause',
      'meti/03.md:9 clause-heading-no-attributes',
    ]);
  });

  it('reports files and folders that would be silently ignored', async () => {
    const dir = contentTree({ 'glosary.yml': () => '[]\n', 'mappings/notes.md': () => 'メモ\n' });
    mkdirSync(join(dir, 'nisc'));
    expect(await problemsOf(dir)).toEqual([
      'glosary.yml:1 stray-file',
      'mappings/notes.md:1 stray-file',
      'nisc:1 stray-folder',
    ]);
  });

  it('prints file:line: severity rule: message and a count, and exits 1 from the command line', () => {
    const dir = contentTree({ 'mappings/clauses.yml': (s) => s.replace('relationship: equal', 'relationship: same') });
    const r = kojo(['check', '--content', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\S*mappings\/clauses\.yml:3: error entry-invalid: \S.*\n$/);
    expect(r.stderr).toBe('kojo check: 1 error, 0 warnings\n');
  });

  it('prints the problems as JSON with --json, and nothing else on stdout', () => {
    const dir = contentTree({ 'mappings/clauses.yml': (s) => s.replace('relationship: equal', 'relationship: same') });
    const r = kojo(['check', '--json', '--content', dir]);
    expect(r.status).toBe(1);
    const problems = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/mappings\/clauses\.yml$/),
        line: 3,
        severity: 'error',
        rule: 'entry-invalid',
        message: expect.any(String),
      },
    ]);
    expect(Object.keys(problems[0]!)).toEqual(['file', 'line', 'severity', 'rule', 'message']);
    expect(JSON.parse(kojo(['check', '--json', '--content', minimalContent]).stdout)).toEqual([]);
  });

  it('prints a one-line summary and exits 0 on valid content', () => {
    const r = kojo(['check', '--content', minimalContent]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'ok — meti: 3 clauses, 3 mappings, 1 terms, no official text (kojo import its PDF); gutp: 3 clauses, 3 mappings, 1 terms, no official text (kojo import its PDF); 1 practice notes; 1 sources cited by 3 clauses; 1 FAQ entries\n',
    );
  });

  it('fails a reported clause that cites no source, at its heading', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('[^S4]', '') });
    expect(await problemsOf(dir)).toEqual(['meti/03.md:7 clause-cites-no-source']);
  });

  it('fails a citation of a source the registry does not list, at its line', async () => {
    const dir = contentTree({ 'meti/01.md': (s) => s.replace('[^S4]', '[^S4][^S99]') });
    expect(await problemsOf(dir)).toEqual(['meti/01.md:13 source-unknown']);
  });

  it('fails every reported clause when the source registry is missing', async () => {
    const dir = contentTree();
    rmSync(join(dir, 'sources.yml'));
    expect(await problemsOf(dir)).toContainEqual('meti/03.md:9 source-unknown');
  });

  it('fails a note that relates to an unknown unit, or to another note', async () => {
    const dir = contentTree({
      'notes/eol-os.md': (s) =>
        s.replace('relates: [meti-1-eol, gutp-1-eol]', 'relates: [meti-1-eol, gutp-gone, note-other]'),
    });
    expect(await problemsOf(dir)).toEqual([
      'notes/eol-os.md:1 note-relates-unknown',
      'notes/eol-os.md:1 note-relates-note',
    ]);
  });

  it('fails a mapping that connects a practice note, by its id or its former clause id', async () => {
    const dir = contentTree({ 'mappings/clauses.yml': (s) => s.replace('to: gutp-1-eol', 'to: gutp-note-eol-os') });
    expect(await problemsOf(dir)).toEqual(['mappings/clauses.yml:1 mapping-note']);
  });

  it('fails a note id that is not note-…, at its front matter line', async () => {
    const dir = contentTree({ 'notes/eol-os.md': (s) => s.replace('id: note-eol-os', 'id: meti-eol') });
    expect(await problemsOf(dir)).toContainEqual('notes/eol-os.md:2 front-matter-invalid');
  });

  it('fails a link to a note or a clause of this site that does not exist, and accepts former ids', async () => {
    const dir = contentTree({
      'meti/03.md': (s) =>
        `${s}\n[メモ](/notes/eol-os/) [旧](/meti/ch1/#meti-note-eol-os) [消えた](/notes/gone/) [誤り](/meti/ch1/#meti-9)\n`,
    });
    expect(await problemsOf(dir)).toEqual(['meti/03.md:11 link-dead', 'meti/03.md:11 link-dead']);
  });

  it('names a missing content folder in one line', () => {
    const r = kojo(['check', '--content', 'no/such/dir']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('kojo: content folder not found: no/such/dir\n');
  });
});
