/**
 * The crosswalk from the command line, on the fixture's two reference frameworks: list shows their
 * entries by identifier, map the crosswalk mappings (checklist items too), ask the counterparts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kojo } from './helpers/cli.ts';
import { crosswalkContent } from './helpers/fixture.ts';

const noModel = { KOJO_MODEL_DIR: mkdtempSync(join(tmpdir(), 'kojo-nomodel-')) };
const index = join(mkdtempSync(join(tmpdir(), 'kojo-crosswalk-')), 'index');

interface Row {
  id: string;
  guideline?: string;
  basis?: string;
  reference?: { id: string; name?: string; en: string; ja: string; depth: number; leaf: boolean };
}

beforeAll(() => {
  const r = kojo(['build-index', '--content', crosswalkContent, '--out', index], { env: noModel });
  expect(r.status).toBe(0);
});

describe('kojo and the crosswalk', () => {
  it('list --json gives every reference entry with its official identifier, level by level', () => {
    const rows: Row[] = JSON.parse(kojo(['list', '--json', '--content', crosswalkContent]).stdout);
    const count = (key: string, depth: number) =>
      rows.filter((r) => r.guideline === key && r.reference?.depth === depth).length;
    expect([0, 1, 2].map((d) => count('fw', d))).toEqual([3, 3, 5]);
    expect([0, 1].map((d) => count('sr', d))).toEqual([2, 3]);
    expect(rows.find((r) => r.id === 'sr-sr-5-1')).toMatchObject({
      basis: 'reference',
      reference: { id: 'SR 5.1', name: 'Network segmentation', leaf: true },
    });
  });

  it('map --json has the crosswalk, checklist items and no-counterparts included, each naming its framework', () => {
    const rows: { from: string; to: string | null; framework: string | null }[] = JSON.parse(
      kojo(['map', '--json', '--content', crosswalkContent]).stdout,
    );
    expect(rows.filter((r) => r.framework === 'fw')).toHaveLength(8);
    expect(rows.find((r) => r.from === 'kojo-tech-01' && r.framework === 'sr')?.to).toBe('sr-sr-5-1');
    expect(rows.find((r) => r.from === 'kojo-prep-01' && r.framework === 'sr')?.to).toBeNull();
    expect(rows.find((r) => r.from === 'meti:1')?.framework).toBeNull();
  });

  it('ask finds a reference entry by its English name and shows a unit its counterparts in both frameworks', () => {
    const json = JSON.parse(
      kojo(['ask', '--index', index, '--json', '--k', '2', 'asset inventory'], { env: noModel }).stdout,
    );
    const fwHits = json.hits.filter((h: { guideline?: string }) => h.guideline === 'fw').map((h: Row) => h.id);
    expect(fwHits).toContain('fw-id-am-02');
    const text = kojo(['ask', '--index', index, '--k', '1', 'ゾーンの分離'], { env: noModel }).stdout;
    const unit = text.slice(text.indexOf('ゾーンの分離  ['), text.indexOf('■ GUTP'));
    // One line per framework (issue 19): its label, then each counterpart with its relationship.
    expect(unit).toMatch(/↔ [^:\n]+: 重なり PR\.IR-01 \/fw\/pr\/#fw-pr-ir-01/);
    expect(unit).toMatch(/↔ [^:\n]+: 重なり SR 5\.1 Network segmentation \/sr\/fr-5\/#sr-sr-5-1/);
  });

  it('export --format csv writes the crosswalk to each framework by official identifier, kept apart from the guideline pairs', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kojo-cw-export-')), 'csv');
    expect(kojo(['export', '--format', 'csv', '--content', crosswalkContent, '--out', out]).status).toBe(0);
    const fw = readFileSync(join(out, 'crosswalk-fw-ir8477.csv'), 'utf8');
    expect(fw).toContain('meti-3-step1-4,ステップ1-4 保護対象の整理,intersects with,Semantic,Test FW 2.0');
    expect(fw).toMatch(
      /kojo-prep-01,守るべき機器を台帳にまとめている。,intersects with,Semantic,[^,]+,ID\.AM-01,,inferred/,
    );
    const pairs = readFileSync(join(out, 'mappings-ir8477.csv'), 'utf8');
    expect(pairs).not.toMatch(/,kojo-prep-01,|,fw-|導入の章で、対策/);
  });

  it('check sums up each framework', () => {
    const r = kojo(['check', '--content', crosswalkContent]);
    expect(r.stdout).toMatch(/fw: 11 entries, 8 crosswalk mappings; sr: 5 entries, 4 crosswalk mappings/);
  });
});
