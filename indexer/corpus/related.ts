/**
 * Counterparts of a clause in the other guidelines, from the clause-level mappings, read in either
 * direction: "METI X subset-of GUTP Y" is, seen from Y, "GUTP Y superset-of METI X".
 */
import type { Mapping, Related } from './schema/index.ts';

const inverse = {
  equal: 'equal',
  intersects: 'intersects',
  'subset-of': 'superset-of',
  'superset-of': 'subset-of',
  'no-counterpart': 'no-counterpart',
} as const;

/** The same relationship read from the other side. */
export function inverseRelationship<R extends keyof typeof inverse>(r: R): (typeof inverse)[R] {
  return inverse[r];
}

export function relatedIndex(
  mappings: Pick<Mapping, 'from' | 'to' | 'level' | 'relationship' | 'rationale' | 'confidence'>[],
): Record<string, Related[]> {
  const out: Record<string, Related[]> = {};
  const add = (key: string, r: Related) => (out[key] ??= []).push(r);
  for (const m of mappings) {
    if (m.to === null || m.relationship === 'no-counterpart') continue;
    const { rationale, confidence } = m;
    add(m.from, { id: m.to, relationship: m.relationship, rationale, confidence });
    add(m.to, { id: m.from, relationship: inverseRelationship(m.relationship), rationale, confidence });
  }
  return out;
}
