/**
 * The crosswalk's real data (issue 22): NIST CSF 2.0 and IEC 62443-3-3 in the registry with all their
 * identifiers, and every METI chapter-3 unit and checklist item mapped to CSF 2.0 (or no-counterpart).
 */
import { describe, expect, it } from 'vitest';
import { kojo } from './helpers/cli.ts';

interface Row {
  id: string;
  kind: string;
  guideline?: string;
  chapter?: string;
  basis?: string;
  reference?: { id: string; depth: number };
}
const list = (): Row[] => JSON.parse(kojo(['list', '--json']).stdout);

describe('the crosswalk in content/', () => {
  it('lists NIST CSF 2.0: 6 functions, 22 categories, 106 subcategories', () => {
    const rows = list().filter((r) => r.guideline === 'csf');
    expect([0, 1, 2].map((d) => rows.filter((r) => r.reference?.depth === d).length)).toEqual([6, 22, 106]);
    expect(rows.find((r) => r.id === 'csf-pr-ps-02')?.reference?.id).toBe('PR.PS-02');
  });

  it('lists IEC 62443-3-3: 7 foundational requirements, 51 system requirements', () => {
    const rows = list().filter((r) => r.guideline === 'iec62443');
    expect([0, 1].map((d) => rows.filter((r) => r.reference?.depth === d).length)).toEqual([7, 51]);
    expect(rows.find((r) => r.id === 'iec62443-sr-1-1')?.reference?.id).toBe('SR 1.1');
  });

  it('maps every METI chapter-3 unit and every checklist item to CSF 2.0 (or says no-counterpart)', () => {
    const rows = list();
    const maps: { from: string; framework: string | null }[] = JSON.parse(kojo(['map', '--json']).stdout);
    const mapped = new Set(maps.filter((m) => m.framework === 'csf').map((m) => m.from));
    const units = rows.filter((r) => r.guideline === 'meti' && r.chapter === '3' && r.basis !== 'official');
    expect(units.length).toBeGreaterThan(0);
    expect(units.filter((u) => !mapped.has(u.id)).map((u) => u.id)).toEqual([]);
    const items: { id: string }[] = JSON.parse(kojo(['checklist', '--json']).stdout).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((i) => !mapped.has(i.id)).map((i) => i.id)).toEqual([]);
  });
});
