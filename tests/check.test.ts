import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../indexer/corpus/index.ts';
import { checkContent } from '../indexer/corpus/node.ts';
import { kojo } from './helpers/cli.ts';
import { contentTree, minimalContent } from './helpers/fixture.ts';

async function problemsOf(dir: string): Promise<string[]> {
  const { problems } = await checkContent(dir);
  return problems.map((p) => formatProblem({ ...p, file: p.file.replace(dir, '') }));
}

describe('kojo check', () => {
  it('accepts a valid tree', async () => {
    expect(await problemsOf(minimalContent)).toEqual([]);
  });

  it('reports a missing front matter field with file and line', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('chapter: "3"\n', '') });
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/meti\/03\.md:2: front matter chapter: Required/),
    );
  });

  it('reports malformed front matter', async () => {
    const dir = contentTree({ 'gutp/01.md': (s) => s.replace('basis: official-toc', 'basis: [oops') });
    expect((await problemsOf(dir)).join('\n')).toMatch(
      /gutp\/01\.md:4: invalid front matter YAML: Flow sequence in block collection must be sufficiently indented and end with a \]\n/,
    );
  });

  it('reports a missing front matter block', async () => {
    const dir = contentTree({ 'gutp/appx1.md': (s) => s.replace(/^---[\s\S]*?---\n/, '') });
    expect((await problemsOf(dir)).join('\n')).toMatch(/gutp\/appx1\.md:1: missing front matter/);
  });

  it('reports a file whose guideline is not its folder', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('guideline: meti', 'guideline: nisc') });
    expect((await problemsOf(dir)).join('\n')).toMatch(
      /meti\/03\.md:1: guideline "nisc" does not match its folder "meti\/"/,
    );
  });

  it('reports a mapping that reads against the order of guidelines.yml', async () => {
    const dir = contentTree({
      'mappings/clauses.yml': (s) =>
        s
          .replace('from: meti-1-eol', 'from: gutp-tmp')
          .replace('to: gutp-1-eol', 'to: meti-1-eol')
          .replace('from: gutp-tmp', 'from: gutp-1-eol'),
    });
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(
        /clauses\.yml:1: mapping pairs read in guidelines\.yml order \(from: meti…, to: gutp…\), got gutp → meti/,
      ),
    );
  });

  it('reports a guideline key that would collide with a content folder or a site page', async () => {
    const dir = contentTree({ 'guidelines.yml': (s) => s.replace('- key: gutp', '- key: faq') });
    expect((await problemsOf(dir)).join('\n')).toMatch(/guidelines\.yml:\d+: key: "faq" is reserved/);
  });

  it('reports a guideline folder that is a file', async () => {
    const dir = contentTree();
    rmSync(join(dir, 'gutp'), { recursive: true });
    writeFileSync(join(dir, 'gutp'), 'not a folder');
    expect((await problemsOf(dir)).join('\n')).toMatch(/gutp:1: is a file; it must be a folder/);
  });

  it('reports a chapter slug given twice', async () => {
    const dir = contentTree({ 'guidelines.yml': (s) => s.replace('slug: ch3', 'slug: ch1') });
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/guidelines\.yml:1: meti has two chapters with slug "ch1"/),
    );
  });

  it('reports an unknown chapter label', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('chapter: "3"', 'chapter: 付録Z') });
    expect((await problemsOf(dir)).join('\n')).toMatch(/meti\/03\.md:1: unknown chapter label "付録Z" for meti/);
  });

  it('reports duplicate ids at the second definition, naming the first', async () => {
    const dir = contentTree({ 'meti/03.md': (s) => s.replace('#meti-3-step1-4', '#meti-1') });
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/meti\/03\.md:7: duplicate clause id "meti-1" \(first defined at .*meti\/01\.md:7\)/),
    );
  });

  it('reports a mapping to a missing clause', async () => {
    const dir = contentTree({ 'mappings/clauses.yml': (s) => s.replace('to: gutp-1-eol', 'to: gutp-gone') });
    expect(await problemsOf(dir)).toEqual([
      expect.stringMatching(/mappings\/clauses\.yml:1: mapping refers to unknown clause "gutp-gone"/),
    ]);
  });

  it('reports glossary and FAQ references to missing clauses', async () => {
    const dir = contentTree({
      'glossary/terms.yml': (s) => s.replace('gutp-1-eol]', 'gutp-nowhere]'),
      'faq/faq.yml': (s) => s.replace('meti-1-eol,', 'meti-nowhere,'),
    });
    const problems = (await problemsOf(dir)).join('\n');
    expect(problems).toMatch(
      /glossary\/terms\.yml:1: glossary term "eol" refers to missing clause or note "gutp-nowhere"/,
    );
    expect(problems).toMatch(/faq\/faq\.yml:1: FAQ "faq-eol-os" cites missing clause or note "meti-nowhere"/);
  });

  it('reports an FAQ answer that cites only one guideline', async () => {
    const dir = contentTree({ 'faq/faq.yml': (s) => s.replace('gutp-1-eol]', 'meti-1]') });
    expect(await problemsOf(dir)).toEqual([
      expect.stringMatching(/faq\/faq\.yml:1: FAQ "faq-eol-os" cites no gutp clause/),
    ]);
  });

  it('reports an unknown relationship type at its line', async () => {
    const dir = contentTree({
      'mappings/chapters.yml': (s) => s.replace('relationship: intersects', 'relationship: overlaps'),
    });
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/mappings\/chapters\.yml:9: relationship: Invalid enum value/),
    );
  });

  it('reports a chapter with neither a mapping nor a no-counterpart entry', async () => {
    const dir = contentTree({ 'mappings/chapters.yml': (s) => s.split('- from: meti:3')[0]! });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(/meti chapter 3 has neither a chapter mapping nor a no-counterpart entry/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/gutp chapter 付録1 has neither/));
  });

  it('accepts a no-counterpart entry in place of a mapping, and requires to: null for it', async () => {
    const noCounterpart = (to: string) => (s: string) =>
      `${s.split('- from: meti:3')[0]}- from: meti:3\n  to: ${to}\n  relationship: no-counterpart\n  rationaleType: semantic\n  confidence: inferred\n  rationale: 対応する章がない。\n- from: gutp:付録1\n  to: null\n  relationship: no-counterpart\n  rationaleType: semantic\n  confidence: inferred\n  rationale: 対応する章がない。\n`;
    expect(await problemsOf(contentTree({ 'mappings/chapters.yml': noCounterpart('null') }))).toEqual([]);
    expect(await problemsOf(contentTree({ 'mappings/chapters.yml': noCounterpart('gutp:1') }))).toContainEqual(
      expect.stringMatching(/chapters\.yml:8: to: to must be null exactly when relationship is no-counterpart/),
    );
  });

  it('reports an empty clause body', async () => {
    const dir = contentTree({ 'gutp/appx1.md': (s) => s.replace('対策の達成度を確かめるための一覧です。', '') });
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/gutp\/appx1\.md:7: clause gutp-appx-1 has an empty body/),
        expect.stringMatching(/gutp chapter 付録1 \(チェックリスト\) has no clause/),
      ]),
    );
  });

  it('reports a heading without attributes and text outside any clause', async () => {
    const dir = contentTree({
      'meti/03.md': (s) =>
        s.replace('{#meti-3-step1-4 section=ステップ1-4}', '').replace('---\n\n##', '---\n\n迷子の段落。\n\n##'),
    });
    const problems = (await problemsOf(dir)).join('\n');
    expect(problems).toMatch(/meti\/03\.md:7: text before the first clause heading/);
    expect(problems).toMatch(/meti\/03\.md:9: clause heading needs attributes/);
  });

  it('reports files and folders that would be silently ignored', async () => {
    const dir = contentTree({ 'glosary.yml': () => '[]\n', 'mappings/notes.md': () => 'メモ\n' });
    mkdirSync(join(dir, 'nisc'));
    const problems = (await problemsOf(dir)).join('\n');
    expect(problems).toMatch(
      /glosary\.yml:1: not part of the content model \(expected meti\/, gutp\/, mappings\/, glossary\/, faq\/, checklist\/, notes\/, official\/, guidelines\.yml or sources\.yml\)/,
    );
    expect(problems).toMatch(/nisc:1: unknown folder/);
    expect(problems).toMatch(
      /mappings\/notes\.md:1: mappings\/ holds \.yml or \.yaml files; this one would be ignored/,
    );
  });

  it('prints file:line problems and exits 1 from the command line', () => {
    const dir = contentTree({ 'mappings/clauses.yml': (s) => s.replace('relationship: equal', 'relationship: same') });
    const r = kojo(['check', '--content', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/clauses\.yml:3: relationship: Invalid enum value/);
    expect(r.stderr).toMatch(/kojo check: 1 problem\n/);
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
    expect(await problemsOf(dir)).toEqual([
      expect.stringMatching(/meti\/03\.md:7: reported clause meti-3-step1-4 cites no source/),
    ]);
  });

  it('fails a citation of a source the registry does not list, at its line', async () => {
    const dir = contentTree({ 'meti/01.md': (s) => s.replace('[^S4]', '[^S4][^S99]') });
    expect(await problemsOf(dir)).toEqual([
      expect.stringMatching(/meti\/01\.md:13: cites unknown source "S99" \(sources\.yml lists S4\)/),
    ]);
  });

  it('fails every reported clause when the source registry is missing', async () => {
    const dir = contentTree();
    rmSync(join(dir, 'sources.yml'));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(/meti\/03\.md:\d+: cites unknown source "S4" \(sources\.yml lists none\)/),
    );
  });

  it('fails a note that relates to an unknown unit, or to another note', async () => {
    const dir = contentTree({
      'notes/eol-os.md': (s) =>
        s.replace('relates: [meti-1-eol, gutp-1-eol]', 'relates: [meti-1-eol, gutp-gone, note-other]'),
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(/notes\/eol-os\.md:1: note note-eol-os relates to unknown unit "gutp-gone"/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /notes\/eol-os\.md:1: note note-eol-os relates to "note-other": a note relates to official units/,
      ),
    );
  });

  it('fails a mapping that connects a practice note, by its id or its former clause id', async () => {
    const dir = contentTree({ 'mappings/clauses.yml': (s) => s.replace('to: gutp-1-eol', 'to: gutp-note-eol-os') });
    expect(await problemsOf(dir)).toEqual([
      expect.stringMatching(
        /mappings\/clauses\.yml:1: mapping connects "gutp-note-eol-os", .*mappings connect official units only/,
      ),
    ]);
  });

  it('fails a note id that is not note-…, at its front matter line', async () => {
    const dir = contentTree({ 'notes/eol-os.md': (s) => s.replace('id: note-eol-os', 'id: meti-eol') });
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/notes\/eol-os\.md:2: front matter id: note id must start with note-/),
    );
  });

  it('fails a link to a note or a clause of this site that does not exist, and accepts former ids', async () => {
    const dir = contentTree({
      'meti/03.md': (s) =>
        `${s}\n[メモ](/notes/eol-os/) [旧](/meti/ch1/#meti-note-eol-os) [消えた](/notes/gone/) [誤り](/meti/ch1/#meti-9)\n`,
    });
    expect(await problemsOf(dir)).toEqual([
      expect.stringMatching(/meti\/03\.md:11: link to "\/notes\/gone\/": no practice note has that page/),
      expect.stringMatching(/meti\/03\.md:11: link to "\/meti\/ch1\/#meti-9": no clause "meti-9" on that page/),
    ]);
  });

  it('names a missing content folder in one line', () => {
    const r = kojo(['check', '--content', 'no/such/dir']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('kojo: content folder not found: no/such/dir\n');
  });
});
