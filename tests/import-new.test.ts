/**
 * Bring your own guideline (issue 23): a generated PDF of a document the registry does not know — a
 * plant's own factory standard, with bookmarks and with numbered headings only — imported with
 * `kojo import --new` into a copy of the content, checked, asked, and mapped: suggestions for review
 * that are never mappings until a person accepts them.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutNamed, samplePdf } from '../scripts/tools/sample-pdfs/index.ts';
import { kojo, root } from './helpers/cli.ts';

const cache = join(root, 'tests', '.tmp', 'sample-pdfs');
const noModel = { KOJO_MODEL_DIR: '/nonexistent-kojo-models' };
let dir: string;
let bookmarked: string;
let numbered: string;

/** A copy of the project's content without any official text the developer may have imported. */
function contentCopy(name: string): string {
  const out = join(dir, name);
  cpSync(join(root, 'content'), out, {
    recursive: true,
    filter: (src) => !src.startsWith(join(root, 'content', 'official')),
  });
  return out;
}

beforeAll(async () => {
  mkdirSync(join(root, 'tests', '.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, 'tests', '.tmp', 'import-new-'));
  bookmarked = (await samplePdf(layoutNamed('plant-bookmarked'), cache)).path;
  numbered = (await samplePdf(layoutNamed('plant-numbered'), cache)).path;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plantSections = [
  ['1', ['1.1', '1.2']],
  ['2', ['2.1', '2.2']],
  ['3', ['3.1', '3.2']],
  ['4', ['4.1', '4.2']],
  ['5', ['5.1', '5.2']],
  ['付録A', []],
];

interface Entry {
  key: string;
  title: string;
  status: string;
  official: { publishable: boolean };
  chapters: { label: string; slug: string; title: string; sections?: { label: string; title: string }[] }[];
}

function tableOfContents(entry: Entry) {
  return entry.chapters.map((c) => [c.label, (c.sections ?? []).map((s) => s.label)]);
}

describe('kojo import --new', () => {
  it('proposes the table of contents from the bookmarks and, with --dry-run, writes nothing', () => {
    const content = contentCopy('dry');
    const before = readFileSync(join(content, 'guidelines.yml'), 'utf8');
    const r = kojo(['import', bookmarked, '--new', 'plant', '--content', content, '--dry-run', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { method: string; entry: Entry; written: boolean };
    expect(out.method).toBe('outline');
    expect(tableOfContents(out.entry)).toEqual(plantSections);
    expect(out.entry.chapters.find((c) => c.label === '4')!.sections![1]!.title).toBe(
      '建屋と電源・電気設備の物理的な対策',
    );
    expect(out.entry).toMatchObject({ title: '試験用製作所 工場情報セキュリティ標準', status: 'draft' });
    expect(out.entry.official.publishable).toBe(false);
    expect(out.written).toBe(false);
    expect(readFileSync(join(content, 'guidelines.yml'), 'utf8')).toBe(before);
    expect(existsSync(join(content, 'official'))).toBe(false);
  });

  it('refuses a key already in the registry, a malformed key, and a document with no structure', () => {
    const content = contentCopy('refuse');
    const known = kojo(['import', bookmarked, '--new', 'meti', '--content', content]);
    expect(known.status).toBe(1);
    expect(known.stderr).toMatch(/^kojo: --new meti: already a guideline of guidelines\.yml .*\n$/);
    const bad = kojo(['import', bookmarked, '--new', 'Plant-X', '--content', content]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^kojo: --new Plant-X: guideline key must be lowercase .*\n$/);
    const prose = join(dir, 'prose.txt');
    writeFileSync(prose, '見出しのない文章です。\nどこにも章や節の番号がありません。\n');
    const none = kojo(['import', prose, '--new', 'prose', '--content', content, '--date', '2025']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(
      /^kojo: no structure found in .*prose\.txt: no bookmarks, no tagged headings, no numbered headings/,
    );
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
  });

  describe('a document with numbered headings only, imported, checked, asked and mapped', () => {
    let content: string;
    let index: string;
    beforeAll(() => {
      content = contentCopy('numbered');
      index = join(dir, 'numbered-index');
    });

    it('writes the entry after the registry as it was, and the official text as a known import does', () => {
      const before = readFileSync(join(content, 'guidelines.yml'), 'utf8');
      const r = kojo(['import', numbered, '--new', 'plant', '--label', '工場標準', '--content', content]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/read from its numbered headings: 6 chapters, 16 units with text/);
      const after = readFileSync(join(content, 'guidelines.yml'), 'utf8');
      // Comments and layout of the existing entries are untouched: the new entry is appended.
      expect(after.startsWith(before.trimEnd())).toBe(true);
      const entries = parse(after) as Entry[];
      const plant = entries.at(-1)!;
      expect(plant).toMatchObject({ key: 'plant', status: 'draft', official: { publishable: false } });
      expect(tableOfContents(plant)).toEqual(plantSections);
      const manifest = parse(readFileSync(join(content, 'official', 'plant', 'import.yml'), 'utf8'));
      expect(manifest).toMatchObject({ kojoImport: 1, guideline: 'plant', method: 'headings' });
      expect(manifest.units.every((u: { found: boolean }) => u.found)).toBe(true);
      const usb = manifest.units.find((u: { section: string }) => u.section === '3.1');
      const unit = readFileSync(join(content, 'official', 'plant', usb.file), 'utf8');
      expect(unit).toMatch(
        /^---\nguideline: plant\nchapter: "3"\nsection: "3\.1"\ntitle: USBメモリの持ち込み手順\npages: \[7, 7\]\npageLines: \[\[1, 7\]\]\n---\n/,
      );
      expect(unit).toContain('専用の検査端末でウイルス検査を行う。');
    });

    it('passes kojo check (the draft’s missing mappings are warnings)', () => {
      const r = kojo(['check', '--content', content]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/plant: 16 clauses, 0 mappings.*official text 16\/16 units/);
      expect(r.stdout).toMatch(/warning chapter-unmapped: plant chapter 4/);
    });

    it('answers a question from it with kojo ask', () => {
      const built = kojo(['build-index', '--content', content, '--out', index, '--embedder', 'builtin'], {
        env: noModel,
      });
      expect(built.status, built.stderr).toBe(0);
      const r = kojo(['ask', '--index', index, '--json', 'USBメモリを工場に持ち込むときの手順は？'], { env: noModel });
      expect(r.status, r.stderr).toBe(0);
      const answer = JSON.parse(r.stdout) as {
        guidelines: Record<string, unknown>;
        hits: { guideline?: string; id: string; url: string }[];
      };
      // Registry order: the new guideline is appended after the reference frameworks.
      expect(Object.keys(answer.guidelines)).toEqual(['meti', 'gutp', 'csf', 'iec62443', 'plant']);
      const first = answer.hits.find((h) => h.guideline === 'plant')!;
      expect(first.id).toMatch(/^plant-official-ch3-3-1/);
      expect(first.url).toMatch(/^\/plant\/ch3\/#plant-official-ch3-3-1/);
    });

    it('suggests mappings for review whose top candidate for a known pair is right, never read as mappings', () => {
      const r = kojo(['suggest-mappings', 'plant', '--to', 'meti', '--content', content, '--json']);
      expect(r.status, r.stderr).toBe(0);
      const candidates = JSON.parse(r.stdout) as {
        from: string;
        to: string;
        score: number;
        evidence: { sharedTerms: string[]; from: string; to: string };
      }[];
      const physical = candidates.filter((c) => c.from === 'plant-official-ch4-4-2');
      expect(physical[0]).toMatchObject({ to: 'meti-3-step2-2-physical' });
      expect(physical[0]!.evidence.sharedTerms).toEqual(expect.arrayContaining(['建屋', '電源']));
      // Each snippet shows some of the shared terms, on its own side.
      const { sharedTerms, from, to } = physical[0]!.evidence;
      expect(sharedTerms.some((term) => from.includes(term))).toBe(true);
      expect(sharedTerms.some((term) => to.includes(term))).toBe(true);
      // Best first for each unit.
      for (const from of new Set(candidates.map((c) => c.from))) {
        const scores = candidates.filter((c) => c.from === from).map((c) => c.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }
      const review = join(content, 'mappings', 'suggested', 'plant--meti.yml');
      const rows = parse(readFileSync(review, 'utf8')) as { confidence: string; accept: boolean }[];
      expect(rows).toHaveLength(candidates.length);
      expect(rows.every((c) => c.confidence === 'suggested' && c.accept === false)).toBe(true);
      // Present in the content, yet no mapping: kojo map and kojo check do not read it.
      const map = JSON.parse(kojo(['map', '--content', content, '--json']).stdout) as { from: string; to: string }[];
      expect(map.some((m) => `${m.from} ${m.to}`.includes('plant'))).toBe(false);
      expect(kojo(['check', '--content', content]).status).toBe(0);
    });

    it('moves only accepted candidates with a relationship and rationale into mappings, read from the earlier guideline', () => {
      const review = join(content, 'mappings', 'suggested', 'plant--meti.yml');
      const text = readFileSync(review, 'utf8');
      const at = text.indexOf('- from: plant-official-ch4-4-2\n  to: meti-3-step2-2-physical');
      expect(at).toBeGreaterThan(0);
      const line = text.slice(0, at).split('\n').length;
      const marked = `${text.slice(0, at)}${text.slice(at).replace('accept: false', 'accept: true')}`;
      writeFileSync(review, marked);
      // Suggesting again would overwrite the marks: refused, the file kept as it is.
      const again = kojo(['suggest-mappings', 'plant', '--to', 'meti', '--content', content]);
      expect(again.status).toBe(1);
      expect(again.stderr).toBe(
        `kojo: ${review}:${line}: this review file holds your marks (accept, rationale); run kojo suggest-mappings --accept on it first, or move it away, before suggesting again\n`,
      );
      expect(readFileSync(review, 'utf8')).toBe(marked);
      const refused = kojo(['suggest-mappings', '--accept', review, '--content', content]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe(
        `kojo: ${review}:${line}: plant-official-ch4-4-2 → meti-3-step2-2-physical is marked accept: true but has no relationship (equal, subset-of, superset-of, intersects) and rationale (your own words); not accepted\n`,
      );
      expect(existsSync(join(content, 'mappings', 'plant.yml'))).toBe(false);

      const filled = `${marked.slice(0, at)}${marked
        .slice(at)
        .replace('relationship: null', 'relationship: subset-of')
        .replace(
          'rationale: null',
          'rationale: どちらも建屋と電源設備の物理的な保護を扱い、工場標準の節はその一部を定めている。',
        )}`;
      writeFileSync(review, filled);
      const accepted = kojo(['suggest-mappings', '--accept', review, '--content', content]);
      expect(accepted.status, accepted.stderr).toBe(0);
      const mappings = parse(readFileSync(join(content, 'mappings', 'plant.yml'), 'utf8'));
      expect(mappings).toEqual([
        {
          from: 'meti-3-step2-2-physical',
          to: 'plant-official-ch4-4-2',
          relationship: 'superset-of',
          rationaleType: 'semantic',
          confidence: 'inferred',
          rationale: 'どちらも建屋と電源設備の物理的な保護を扱い、工場標準の節はその一部を定めている。',
        },
      ]);
      // The accepted pair leaves the review file; other units' candidates for the same clause stay there.
      expect(readFileSync(review, 'utf8')).not.toContain(
        '- from: plant-official-ch4-4-2\n  to: meti-3-step2-2-physical',
      );
      const check = kojo(['check', '--content', content]);
      expect(check.status, check.stdout).toBe(0);
      const map = JSON.parse(kojo(['map', '--content', content, '--json']).stdout) as { from: string; to: string }[];
      expect(map.filter((m) => `${m.from} ${m.to}`.includes('plant'))).toHaveLength(1);
    });
  });

  it('imports the bookmarked document too, and it passes kojo check', () => {
    const content = contentCopy('bookmarked');
    const r = kojo(['import', bookmarked, '--new', 'plant', '--content', content, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { method: string; written: boolean; import: { method: string } };
    expect(out).toMatchObject({ method: 'outline', written: true, import: { method: 'outline' } });
    const check = kojo(['check', '--content', content]);
    expect(check.status, check.stdout).toBe(0);
  });
});
