import { describe, expect, it } from 'vitest';
import { checkContent } from '../indexer/corpus/node.ts';
import { kojo } from './helpers/cli.ts';

interface Row {
  id: string;
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
    expect(r.stdout).toMatch(/^ok — meti: \d+ clauses, \d+ mappings, \d+ terms; gutp: \d+ clauses/);
  });

  const rows: Row[] = JSON.parse(kojo(['list', '--json']).stdout);

  it('lists every official unit of both tables of contents', () => {
    const has = (guideline: string, unit: string) => rows.some((r) => r.guideline === guideline && (r.section === unit || r.chapter === unit));
    const meti = ['1', '2', '3', ...[1, 2, 3, 4, 5, 6, 7].map((n) => `ステップ1-${n}`), 'ステップ1', 'ステップ2', 'ステップ2-1', 'ステップ2-2', 'ステップ3', ...'ABCDEF'.split('').map((x) => `付録${x}`), ...[1, 2, 3, 4].map((n) => `コラム${n}`)];
    const gutp = [...[1, 2, 3, 4, 5, 6, 7].map(String), ...[1, 2, 3, 4].map((n) => `付録${n}`)];
    expect(meti.filter((u) => !has('meti', u))).toEqual([]);
    expect(gutp.filter((u) => !has('gutp', u))).toEqual([]);
  });

  it('gives every clause the list fields, provenance and a permalink', () => {
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['id', 'guideline', 'chapter', 'section', 'title', 'basis', 'verified', 'url']);
      expect(['official-toc', 'reported', 'editorial']).toContain(r.basis);
      expect(r.url).toBe(`/${r.guideline}/${r.url.split('/')[2]}/#${r.id}`);
    }
  });

  it('marks the step sub-titles of METI 1-2 … 1-7 as reported, as the brief requires', () => {
    for (const n of [2, 3, 4, 5, 6, 7]) expect(rows.find((r) => r.id === `meti-3-step1-${n}`)?.basis).toBe('reported');
  });

  it('carries editorial practice notes for the audience themes in both guidelines', () => {
    const themes = ['eol-os', 'legacy-equipment', 'asset-inventory', 'removable-media', 'remote-maintenance', 'zoning-zero-trust', 'accounts', 'logging-monitoring', 'backup-recovery', 'incident-response', 'it-ot-roles', 'maker-user-split', 'procurement', 'sme', 'cloud'];
    for (const theme of themes) {
      for (const g of ['meti', 'gutp']) expect(rows.find((r) => r.id === `${g}-note-${theme}`)?.basis, `${g}-note-${theme}`).toBe('editorial');
    }
  });

  it('maps the notes of one theme across the guidelines', () => {
    const maps = JSON.parse(kojo(['map', '--json']).stdout);
    expect(maps).toContainEqual(expect.objectContaining({ from: 'meti-note-eol-os', to: 'gutp-note-eol-os', level: 'clause' }));
    for (const m of maps) expect(Object.keys(m)).toEqual(['from', 'to', 'level', 'relationship', 'rationaleType', 'confidence', 'rationale']);
  });

  it('has a glossary with search synonyms and at least 25 FAQ entries', async () => {
    const { corpus } = await checkContent('content');
    expect(corpus.faq.length).toBeGreaterThanOrEqual(25);
    const aliases = corpus.glossary.flatMap((t) => [t.term, ...t.aliases]);
    for (const word of ['OT', 'PLC', 'DMZ', 'FSIRT', 'SBOM', 'CSMS', 'ISMS', 'EOL', '古いOS']) expect(aliases).toContain(word);
  });
});
