import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentId, formerIdMap } from '../indexer/corpus/index.ts';
import { checkContent } from '../indexer/corpus/node.ts';
import { kojo } from './helpers/cli.ts';

interface Row {
  kind: 'unit' | 'note';
  id: string;
  relates?: string[];
  sources: string[];
  guideline: string;
  chapter: string;
  section: string;
  title: string;
  basis: string;
  verified: boolean;
  url: string;
}

describe('the real corpus', () => {
  it('passes kojo check with zero problems', async () => {
    const { problems } = await checkContent('content');
    expect(problems).toEqual([]);
    const r = kojo(['check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^ok — meti: \d+ clauses, \d+ mappings, \d+ terms, no official text \(kojo import its PDF\); gutp: \d+ clauses/,
    );
  });

  const rows: Row[] = JSON.parse(kojo(['list', '--json']).stdout);
  const units = rows.filter((r) => r.kind === 'unit');
  const notes = rows.filter((r) => r.kind === 'note');

  it('lists every official unit of both tables of contents', () => {
    const has = (guideline: string, unit: string) =>
      units.some((r) => r.guideline === guideline && (r.section === unit || r.chapter === unit));
    // 1-2 … 1-7 are held together by one clause: which activity has which number is not sourced.
    const meti = [
      '1',
      '2',
      '3',
      'ステップ1',
      'ステップ1-1',
      'ステップ2',
      'ステップ2-1',
      'ステップ2-2',
      'ステップ3',
      ...'ABCDEF'.split('').map((x) => `付録${x}`),
      ...[1, 2, 3, 4].map((n) => `コラム${n}`),
    ];
    const gutp = [...[1, 2, 3, 4, 5, 6, 7].map(String), ...[1, 2, 3, 4].map((n) => `付録${n}`)];
    expect(meti.filter((u) => !has('meti', u))).toEqual([]);
    expect(gutp.filter((u) => !has('gutp', u))).toEqual([]);
  });

  it('gives every clause the list fields, provenance, cited sources and a permalink', () => {
    // Reference frameworks' entries have fields of their own (tests/crosswalk-content.test.ts).
    for (const r of units.filter((u: { basis: string }) => u.basis !== 'reference')) {
      expect(Object.keys(r)).toEqual([
        'kind',
        'id',
        'guideline',
        'chapter',
        'section',
        'title',
        'en',
        // Every unit of both guidelines has the project's English summary (content/<guideline>/english.yml).
        'summaryEn',
        'basis',
        'verified',
        'sources',
        'formerIds',
        'url',
        'officialText',
      ]);
      expect(['official-toc', 'reported', 'editorial']).toContain(r.basis);
      expect(r.url).toBe(`/${r.guideline}/${r.url.split('/')[2]}/#${r.id}`);
      if (r.basis === 'reported') expect(r.sources.length, r.id).toBeGreaterThan(0);
    }
  });

  it('gives no clause an official-looking number or title for METI 1-2 … 1-7, and keeps their old ids', async () => {
    expect(units.filter((r) => /^ステップ1-[2-7]$/.test(r.section))).toEqual([]);
    const { corpus } = await checkContent('content');
    const factory = corpus.clauses.find((c) => c.formerIds.includes('meti-3-step1-4'))!;
    expect(factory.formerIds).toEqual([2, 3, 4, 5, 6, 7].map((n) => `meti-3-step1-${n}`));
    expect(factory.text).toMatch(/どの番号がどの作業にあたるのか.*確認できていません/);
    const system = corpus.clauses.find((c) => c.id === 'meti-3-step2-2-system')!;
    expect(system.formerIds).toEqual(['meti-3-step2-2-network', 'meti-3-step2-2-device']);
    expect(system.text).toMatch(/本サイトの整理で、ガイドラインの区分ではありません/);
  });

  it('reports 付録E as sourced: five categories with 準備, level 5 unknown, 35 vs 32 items citing both', async () => {
    const { corpus } = await checkContent('content');
    const e = corpus.clauses.find((c) => c.id === 'meti-appx-e-structure')!;
    for (const word of [
      '準備',
      '組織的対策',
      '運用的対策',
      '技術的対策',
      '工場システムサプライチェーン管理',
      '35項目',
      '32項目',
    ])
      expect(e.text).toContain(word);
    expect(e.sources).toEqual(expect.arrayContaining(['S5', 'S11', 'S18']));
    expect(e.text).toContain('管理手順を文書化・自動化し');
    // The 32-item app is unofficial and built on the draft: the page says so where it cites it.
    expect(e.text).toMatch(/案をもとにしたと明記する非公式/);
  });

  it('claims no more than its sources: physical measures as examples, the step 2-2 heading as our own, Ver 1.1 unconfirmed', async () => {
    const { corpus } = await checkContent('content');
    const clause = (id: string) => corpus.clauses.find((c) => c.id === id)!;
    const physical = clause('meti-3-step2-2-physical');
    expect(physical.text).toMatch(/例として.*機器など/);
    expect(physical.text).not.toMatch(/五つに分けて/);
    expect(physical.en).toMatch(/\be\.g\.|for example/);
    // No source gives step 2-2 a title: its heading describes the unit and says so, as step 3's does.
    for (const id of ['meti-3-step2-2', 'meti-3-step3']) {
      const c = clause(id);
      expect(c.title, id).toMatch(/^ステップ[0-9-]+の概要：/);
      expect(c.text, id).toMatch(/正式な題名は本サイトの情報源では確認できていない/);
    }
    expect(clause('meti-1-editions').text).toMatch(/Ver 1\.1（未確認）/);
  });

  it('writes each practice note once, attached to units of both guidelines, never numbered like a unit', () => {
    const themes = [
      'eol-os',
      'legacy-equipment',
      'asset-inventory',
      'removable-media',
      'remote-maintenance',
      'zoning-zero-trust',
      'accounts',
      'logging-monitoring',
      'backup-recovery',
      'incident-response',
      'it-ot-roles',
      'maker-user-split',
      'procurement',
      'sme',
      'cloud',
      'wireless-lan',
      'supply-chain-attacks',
      'physical-security',
    ];
    for (const theme of themes) {
      const note = notes.find((n) => n.id === `note-${theme}`);
      expect(note, theme).toBeDefined();
      expect(note!.url).toBe(`/notes/${theme}/`);
      const guidelines = new Set(note!.relates!.map((id) => units.find((u) => u.id === id)?.guideline));
      expect([...guidelines].sort(), theme).toEqual(['gutp', 'meti']);
    }
    expect(units.filter((r) => /-note-/.test(r.id))).toEqual([]);
  });

  it('resolves every note id of the previous content to a note (the stable old → new map)', async () => {
    const { corpus } = await checkContent('content');
    const former = formerIdMap([...corpus.clauses, ...corpus.notes]);
    const old: string[] = JSON.parse(readFileSync('tests/fixtures/permalinks-2026-11.json', 'utf8')).map(
      (u: string) => u.split('#')[1],
    );
    const ids = new Set([...corpus.clauses.map((c) => c.id), ...corpus.notes.map((n) => n.id)]);
    expect(old.filter((id) => !ids.has(currentId(id, former)))).toEqual([]);
    expect(currentId('meti-note-eol-os', former)).toBe('note-eol-os');
    expect(currentId('gutp-note-eol-os', former)).toBe('note-eol-os');
  });

  it('maps official units only', () => {
    const maps = JSON.parse(kojo(['map', '--json']).stdout);
    expect(maps.filter((m: { from: string; to: string | null }) => /note/.test(`${m.from} ${m.to}`))).toEqual([]);
    for (const m of maps)
      expect(Object.keys(m)).toEqual([
        'from',
        'to',
        'level',
        'relationship',
        'rationaleType',
        'confidence',
        'rationale',
        'framework',
      ]);
  });

  it("gives every official unit an English title, marking which are the project's own", async () => {
    const { corpus } = await checkContent('content');
    for (const g of corpus.guidelines.list) {
      for (const ch of g.chapters) {
        expect(ch.en?.title, `${g.key} ${ch.label}`).toBeTruthy();
        for (const sec of ch.sections ?? []) expect(sec.en?.title, `${g.key} ${sec.label}`).toBeTruthy();
      }
    }
    expect(corpus.guidelines.get('meti')!.en).toEqual({
      title: 'Cyber/Physical Security Guidelines for Factory Systems',
      source: 'S12',
    });
  });

  it('has a glossary with search synonyms and at least 25 FAQ entries', async () => {
    const { corpus } = await checkContent('content');
    expect(corpus.faq.length).toBeGreaterThanOrEqual(25);
    const aliases = corpus.glossary.flatMap((t) => [t.term, ...t.aliases]);
    for (const word of ['OT', 'PLC', 'DMZ', 'FSIRT', 'SBOM', 'CSMS', 'ISMS', 'EOL', '古いOS'])
      expect(aliases).toContain(word);
    // Shown names are real names: full-width spellings are for search only, and pseudo-terms are gone.
    expect(aliases.filter((a) => /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(a))).toEqual([]);
    expect(corpus.glossary.map((t) => t.term)).not.toContain('IT部門とOT部門の役割分担');
    for (const [id, en] of [
      ['zone', 'zone'],
      ['remote-maintenance', 'remote maintenance'],
      ['eol', 'end-of-life OS'],
      ['procurement-spec', 'procurement specification'],
      ['removable-media', 'removable media'],
      ['asset-inventory', 'asset inventory'],
      ['incident', 'incident response'],
    ]) {
      expect(corpus.glossary.find((t) => t.id === id)?.en, id).toBe(en);
    }
  });

  it("keeps METI's zones apart from IEC 62443's, and the two METI companions apart", async () => {
    const { corpus } = await checkContent('content');
    const term = (id: string) => corpus.glossary.find((t) => t.id === id)!;
    expect(term('zone').definition).toMatch(/METI.*業務.*IEC 62443/);
    expect(term('zone').sources).toEqual(expect.arrayContaining(['S4']));
    expect(term('conduit').definition).toMatch(/IEC 62443の用語/);
    expect(term('conduit').clauses.filter((id) => id.startsWith('meti-'))).toEqual([]);
    const names = (id: string) => [term(id).term, term(id).en ?? '', ...term(id).aliases, ...term(id).searchAliases];
    expect(names('betsu-smart')).toContain('Appendix: Key Considerations for Promoting Smartification');
    expect(names('appendix-2025').some((n) => /Smartification/.test(n))).toBe(false);
    expect(term('fsirt').expansion).toBeUndefined();
  });
});
