/**
 * `kojo export` and indexer/export: the OSCAL documents validate against NIST's OSCAL 1.2.0 JSON
 * schemas (tests/fixtures/oscal/), the CISO Assistant libraries read back as YAML with every field a
 * library needs and every node and mapping URN resolving, the IR 8477 CSV opens in Excel, UUIDs stay
 * the same across runs, and the command's mistakes are one line with exit 1.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checklistData, type Assessment } from '../indexer/assessment/index.ts';
import { type Corpus, mappingsFor } from '../indexer/corpus/index.ts';
import { loadValidContent } from '../indexer/corpus/node.ts';
import {
  assessmentResults,
  exportContent,
  OSCAL_VERSION,
  wizardCsv,
  wizardHeader,
  type ExportFile,
} from '../indexer/export/index.ts';
import { parseCsv } from '../indexer/text/index.ts';
import { kojo } from './helpers/cli.ts';
import { contentTree, threeGuidelines } from './helpers/fixture.ts';
import { officialFixture } from './helpers/official.ts';

const ctx = { exportedAt: '2026-12-03T09:00:00.000Z' };
const schemaDir = join(import.meta.dirname, 'fixtures', 'oscal');
const schemaFiles = {
  catalog: 'oscal_catalog_schema.json',
  'mapping-collection': 'oscal_mapping_schema.json',
  'assessment-results': 'oscal_assessment-results_schema.json',
} as const;
type Root = keyof typeof schemaFiles;

const validators = new Map<Root, ValidateFunction>();
function validate(doc: Record<string, unknown>): string[] {
  const root = Object.keys(doc)[0] as Root;
  if (!validators.has(root)) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validators.set(root, ajv.compile(JSON.parse(readFileSync(join(schemaDir, schemaFiles[root]), 'utf8'))));
  }
  const v = validators.get(root)!;
  return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const byName = (files: ExportFile[]) => new Map(files.map((f) => [f.name, f]));
const jsonOf = (f: ExportFile | undefined) => JSON.parse(f!.content);

const assessment: Assessment = {
  name: '第1工場 2026年度',
  date: '2026-11-30',
  target: 3,
  answers: [
    { item: 'kojo-prep-01', level: 4, note: '台帳あり' },
    { item: 'kojo-prep-02', level: 1, note: '' },
    { item: 'kojo-prep-03', level: 'na', note: '対象設備なし' },
    { item: 'kojo-org-01', level: 2, note: '来期に予算化' },
  ],
};

let corpus: Corpus;
let three: Corpus;
beforeAll(async () => {
  corpus = await loadValidContent('content');
  three = await loadValidContent(threeGuidelines);
});

describe('OSCAL 1.2', () => {
  it('writes a catalog per guideline and for the checklist and a mapping collection, each valid against the OSCAL 1.2.0 schemas', () => {
    const files = exportContent(corpus, 'oscal', ctx);
    expect(files.map((f) => f.name)).toEqual([
      'catalog-meti.json',
      'catalog-gutp.json',
      'catalog-checklist.json',
      'mapping-meti-gutp.json',
    ]);
    for (const f of files) {
      const doc = JSON.parse(f.content);
      expect(validate(doc), f.name).toEqual([]);
      const root = Object.values(doc)[0] as { metadata: { 'oscal-version': string } };
      expect(root.metadata['oscal-version']).toBe(OSCAL_VERSION);
    }
    const schemaId = JSON.parse(readFileSync(join(schemaDir, schemaFiles.catalog), 'utf8')).$id;
    expect(schemaId).toContain(`/oscal/${OSCAL_VERSION}/`);
  });

  it('makes chapters groups and units controls, keeping the summary apart from official statements', () => {
    const catalog = jsonOf(byName(exportContent(corpus, 'oscal', ctx)).get('catalog-meti.json')).catalog;
    const meti = corpus.clauses.filter((c) => c.guideline === 'meti');
    const controls = catalog.groups.flatMap((g: { controls?: { id: string }[] }) => g.controls ?? []);
    expect(controls.map((c: { id: string }) => c.id)).toEqual(meti.map((c) => c.id));
    expect(catalog.groups.map((g: { id: string }) => g.id)).toEqual(
      corpus.guidelines.get('meti')!.chapters.map((c) => c.slug),
    );
    const unit = controls.find((c: { id: string }) => c.id === 'meti-3-step2-2');
    expect(unit.parts[0]).toMatchObject({ name: 'guidance', class: 'kojo-summary' });
    expect(unit.props).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'basis', value: 'reported' })]));
    // Every cited source is a back-matter resource the control links to.
    const resources = new Set(catalog['back-matter'].resources.map((r: { uuid: string }) => `#${r.uuid}`));
    for (const c of controls) for (const l of c.links ?? []) expect(resources.has(l.href)).toBe(true);
  });

  it('maps only controls that exist in the two catalogs, with IR 8477 relationships and confidence', () => {
    for (const source of [corpus, three]) {
      const files = byName(exportContent(source, 'oscal', ctx));
      const ids = (name: string) =>
        new Set(
          jsonOf(files.get(name)).catalog.groups.flatMap((g: { controls?: { id: string }[] }) =>
            (g.controls ?? []).map((c) => c.id),
          ),
        );
      const collections = [...files.values()].filter((f) => f.name.startsWith('mapping-'));
      expect(collections.length).toBeGreaterThan(0);
      for (const f of collections) {
        const doc = JSON.parse(f.content);
        expect(validate(doc), f.name).toEqual([]);
        for (const mapping of doc['mapping-collection'].mappings) {
          const [from, to] = [ids(mapping['source-resource'].href), ids(mapping['target-resource'].href)];
          for (const map of mapping.maps) {
            expect(['equal-to', 'subset-of', 'superset-of', 'intersects-with']).toContain(map.relationship);
            expect(['stated', 'inferred']).toContain(map['confidence-score'].category);
            for (const s of map.sources) expect(from.has(s['id-ref']), s['id-ref']).toBe(true);
            for (const t of map.targets) expect(to.has(t['id-ref']), t['id-ref']).toBe(true);
          }
          for (const id of mapping['source-gap-summary']?.['unmapped-controls'][0]['with-ids'] ?? [])
            expect(from.has(id)).toBe(true);
        }
      }
    }
  });

  it('keeps every UUID across runs and changes a document UUID only when its content changes', () => {
    const a = exportContent(corpus, 'oscal', ctx);
    const b = exportContent(corpus, 'oscal', { exportedAt: '2027-01-01T00:00:00.000Z' });
    const uuids = (files: ExportFile[]) => files.map((f) => f.content.match(/"uuid": "[^"]+"/g));
    expect(uuids(b)).toEqual(uuids(a));
    const edited = {
      ...corpus,
      clauses: corpus.clauses.map((c) => (c.id === 'meti-1' ? { ...c, text: `${c.text}追記` } : c)),
    };
    const c = exportContent(edited, 'oscal', ctx);
    expect(jsonOf(c[0]).catalog.uuid).not.toBe(jsonOf(a[0]).catalog.uuid);
    expect(jsonOf(c[1]).catalog.uuid).toBe(jsonOf(a[1]).catalog.uuid);
  });

  it('writes an assessment as valid assessment-results whose findings target the checklist catalog', () => {
    const data = checklistData(corpus);
    const doc = jsonOf(assessmentResults(data, assessment, ctx));
    expect(validate(doc)).toEqual([]);
    const objectives = new Set(
      jsonOf(byName(exportContent(corpus, 'oscal', ctx)).get('catalog-checklist.json')).catalog.groups.flatMap(
        (g: { controls: { parts: { id: string }[] }[] }) => g.controls.flatMap((c) => c.parts.map((p) => p.id)),
      ),
    );
    const findings = doc['assessment-results'].results[0].findings;
    expect(findings).toHaveLength(4);
    for (const f of findings) expect(objectives.has(f.target['target-id'])).toBe(true);
    const state = (item: string) =>
      findings.find((f: { description: string }) => f.description.startsWith(item)).target;
    expect(state('kojo-prep-01').status.state).toBe('satisfied');
    expect(state('kojo-prep-02').status.state).toBe('not-satisfied');
    expect(state('kojo-prep-03')['implementation-status'].state).toBe('not-applicable');
    const level = (item: string) =>
      findings
        .find((f: { description: string }) => f.description.startsWith(item))
        .props.find((p: { name: string }) => p.name === 'level').value;
    expect([level('kojo-prep-03'), level('kojo-org-01')]).toEqual(['na', '2']);
    expect(doc['assessment-results'].results[0].observations).toHaveLength(3);
    expect(
      jsonOf(assessmentResults(data, assessment, { exportedAt: '2030-01-01T00:00:00Z' }))['assessment-results'].uuid,
    ).toBe(doc['assessment-results'].uuid);
  });
});

describe('CISO Assistant', () => {
  const required = [
    'urn',
    'locale',
    'ref_id',
    'name',
    'description',
    'copyright',
    'version',
    'provider',
    'packager',
    'objects',
  ];

  it('writes libraries that read back as YAML with every field, our own packager, and resolving URNs', () => {
    const files = exportContent(corpus, 'ciso-assistant', ctx);
    expect(files.map((f) => f.name)).toEqual([
      'kojo-meti.yaml',
      'kojo-gutp.yaml',
      'kojo-checklist.yaml',
      'kojo-mapping-meti-gutp.yaml',
    ]);
    const nodes = new Map<string, Set<string>>();
    for (const f of files) {
      expect(f.content).not.toMatch(/intuitem/i);
      const lib = parse(f.content);
      for (const field of required) expect(lib[field], `${f.name} ${field}`).toBeTruthy();
      expect(lib.packager).toBe('kojo-guide');
      expect(lib.urn).toMatch(/^urn:kojo-guide:risk:library:/);
      expect(Number.isInteger(lib.version)).toBe(true);
      const framework = lib.objects.framework;
      if (!framework) continue;
      expect(lib.locale).toBe('ja');
      const seen = new Set<string>();
      for (const n of framework.requirement_nodes) {
        for (const field of ['urn', 'depth', 'ref_id']) expect(n[field], `${f.name} node ${field}`).toBeDefined();
        expect(typeof n.assessable).toBe('boolean');
        expect(n.urn).toMatch(/^urn:kojo-guide:risk:req_node:/);
        if (n.depth > 1) expect(seen.has(n.parent_urn), n.urn).toBe(true);
        expect(seen.has(n.urn)).toBe(false);
        seen.add(n.urn);
      }
      nodes.set(framework.urn, seen);
    }
    const meti = parse(files[0]!.content).objects.framework;
    expect(meti.translations.en.name).toContain('Cyber/Physical Security Guidelines for Factory Systems');
    const unit = meti.requirement_nodes.find((n: { ref_id: string }) => n.ref_id === 'meti-3-step2-2');
    expect(unit).toMatchObject({ assessable: true, depth: 2, parent_urn: 'urn:kojo-guide:risk:req_node:meti:ch3' });
    expect(unit.annotation).toContain('ガイドラインの文言ではありません');

    const checklist = parse(files[2]!.content).objects.framework;
    expect(checklist.scores_definition.map((s: { score: number }) => s.score)).toEqual([1, 2, 3, 4, 5]);
    expect([checklist.min_score, checklist.max_score]).toEqual([1, 5]);

    const mapping = parse(files[3]!.content);
    expect(mapping.dependencies).toEqual(['urn:kojo-guide:risk:library:meti', 'urn:kojo-guide:risk:library:gutp']);
    const sets = mapping.objects.requirement_mapping_sets;
    expect(sets).toHaveLength(2);
    for (const set of sets) {
      // Between the two guidelines: the crosswalk to reference frameworks is not a CISO Assistant mapping set.
      const pairs = mappingsFor(corpus.mappings, corpus.guidelines, undefined);
      expect(set.requirement_mappings).toHaveLength(pairs.filter((m) => m.to !== null).length);
      for (const m of set.requirement_mappings) {
        expect(nodes.get(set.source_framework_urn)!.has(m.source_requirement_urn), m.source_requirement_urn).toBe(true);
        expect(nodes.get(set.target_framework_urn)!.has(m.target_requirement_urn), m.target_requirement_urn).toBe(true);
        expect(['equal', 'subset', 'superset', 'intersect', 'not_related']).toContain(m.relationship);
        expect(['syntactic', 'semantic', 'functional']).toContain(m.rationale);
        expect(m.annotation).toMatch(/信頼度/);
      }
    }
    // Read the other way, "subset" becomes "superset".
    const forward = sets[0].requirement_mappings.map((m: { relationship: string }) => m.relationship);
    const reverse = sets[1].requirement_mappings.map((m: { relationship: string }) => m.relationship);
    expect(forward.filter((r: string) => r === 'subset').length).toBe(
      reverse.filter((r: string) => r === 'superset').length,
    );
  });

  it("writes an assessment as the data wizard's audit CSV: ref_id of each item, result, progress, score, observations", () => {
    const f = wizardCsv(checklistData(corpus), assessment);
    expect(f.content.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(f.content);
    if ('error' in parsed) throw new Error(parsed.error);
    const [head, ...rows] = parsed.rows.map((r) => r.cells);
    expect(head).toEqual([...wizardHeader]);
    expect(rows).toHaveLength(checklistData(corpus).items.length);
    const row = (item: string) => Object.fromEntries(head!.map((h, i) => [h, rows.find((r) => r[2] === item)![i]]));
    expect(row('kojo-prep-01')).toMatchObject({
      assessable: 'True',
      compliance_result: 'compliant',
      requirement_progress: 'done',
      score: '4',
      observations: '台帳あり',
    });
    expect(row('kojo-prep-02')).toMatchObject({ compliance_result: 'non_compliant', score: '1' });
    expect(row('kojo-org-01')).toMatchObject({ compliance_result: 'partially_compliant', score: '2' });
    expect(row('kojo-prep-03')).toMatchObject({ compliance_result: 'not_applicable', score: '' });
    expect(row('kojo-prep-04')).toMatchObject({ compliance_result: 'not_assessed', requirement_progress: 'to_do' });
    expect(row('kojo-prep-01').urn).toBe('urn:kojo-guide:risk:req_node:checklist:kojo-prep-01');
  });
});

describe('IR 8477 CSV', () => {
  it('has one row per mapping, IR 8477 relationships, and a BOM for Excel', () => {
    const [f] = exportContent(corpus, 'csv', ctx);
    expect(f!.content.startsWith('\uFEFFFocal Document,')).toBe(true);
    const parsed = parseCsv(f!.content);
    if ('error' in parsed) throw new Error(parsed.error);
    // Between guidelines: the crosswalk to reference frameworks has files of its own (crosswalk-KEY-ir8477.csv).
    expect(parsed.rows.length - 1).toBe(mappingsFor(corpus.mappings, corpus.guidelines, undefined).length);
    const rel = new Set(parsed.rows.slice(1).map((r) => r.cells[3]));
    for (const r of rel)
      expect(['equal', 'subset of', 'superset of', 'intersects with', 'not related to']).toContain(r);
  });

  it('keeps to the guidelines chosen: one guideline has no pairs', () => {
    const [f] = exportContent(three, 'csv', ctx, ['meti', 'ipa']);
    const text = f!.content;
    expect(text).not.toMatch(/gutp/);
    expect(text).toMatch(/ipa/);
  });
});

describe('kojo export', () => {
  const work = () => mkdtempSync(join(tmpdir(), 'kojo-export-'));
  const assessmentFile = (dir: string, answers: Assessment['answers']) => {
    const file = join(dir, 'assessment.json');
    writeFileSync(file, JSON.stringify({ kojoAssessment: 1, name: '評価1', date: '2026-11-30', target: 3, answers }));
    return file;
  };

  it('--help says what it does', () => {
    const r = kojo(['export', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/usage: kojo export/);
    expect(r.stdout).toMatch(/--format ciso-assistant\|oscal\|csv\s/);
  });

  it('refuses an unknown format, a guideline that does not exist and an assessment for the IR 8477 CSV in one line', () => {
    const dir = work();
    for (const [args, message] of [
      [['--format', 'xlsx'], '--format must be one of ciso-assistant, oscal, csv (got "xlsx")'],
      [['--format', 'oscal', '--guideline', 'nist'], 'unknown guideline "nist" (known: meti, gutp)'],
      [['--format', 'csv', '--assessment', assessmentFile(dir, [])], '--assessment goes with --format ciso-assistant'],
      [[], '--format is required'],
    ] as const) {
      const r = kojo(['export', ...args, '--out', join(dir, 'out')]);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir)).toEqual(['assessment.json']);
  });

  it('refuses an assessment of another version of the checklist', () => {
    const dir = work();
    const file = assessmentFile(dir, [
      { item: 'kojo-prep-01', level: 2, note: '' },
      { item: 'kojo-old-09', level: 3, note: '' },
    ]);
    const r = kojo(['export', '--format', 'oscal', '--assessment', file, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /assessment\.json: answers 1 item\(s\) this checklist does not have \(kojo-old-09\): it is an assessment of another version of the checklist/,
    );
  });

  it('writes into its own folder, replaces it whole, and never a folder of other files', () => {
    const dir = work();
    const out = join(dir, 'ciso');
    const file = assessmentFile(dir, [{ item: 'kojo-prep-01', level: 4, note: '' }]);
    const first = kojo(['export', '--format', 'ciso-assistant', '--out', out, '--assessment', file]);
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.kojo-export',
      'kojo-checklist-audit.csv',
      'kojo-checklist.yaml',
      'kojo-gutp.yaml',
      'kojo-mapping-meti-gutp.yaml',
      'kojo-meti.yaml',
    ]);
    const again = kojo(['export', '--format', 'ciso-assistant', '--out', out, '--guideline', 'meti']);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.kojo-export', 'kojo-checklist.yaml', 'kojo-meti.yaml']);

    const foreign = join(dir, 'mine');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'keep');
    const refused = kojo(['export', '--format', 'csv', '--out', foreign]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refusing to replace .*mine: it holds files this tool did not write/);
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
  });

  it("leaves out official text its licence keeps private unless asked, and keeps a publishable guideline's", () => {
    const content = contentTree();
    officialFixture(content);
    const dir = work();
    const plain = kojo(['export', '--format', 'oscal', '--content', content, '--out', join(dir, 'plain')]);
    expect(plain.status, plain.stderr).toBe(0);
    const all = (sub: string) =>
      readdirSync(join(dir, sub))
        .map((f) => readFileSync(join(dir, sub, f), 'utf8'))
        .join('\n');
    expect(all('plain')).not.toContain('GUTP公式本文テスト');
    const opted = kojo([
      'export',
      '--format',
      'oscal',
      '--content',
      content,
      '--out',
      join(dir, 'opted'),
      '--include-official',
      'gutp',
    ]);
    expect(opted.status, opted.stderr).toBe(0);
    expect(all('opted')).toContain('GUTP公式本文テスト');
  });
});
