/**
 * Counterparts of a clause in the other guidelines, from the clause-level mappings, read in either
 * direction: "METI X subset-of GUTP Y" is, seen from Y, "GUTP Y superset-of METI X".
 */
import type { Guidelines } from './registry.ts';
import type { Clause, Mapping, Related } from './schema/index.ts';

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

/** What the counterpart rule reads of a corpus. */
export interface CounterpartSource {
  clauses: readonly Pick<Clause, 'id' | 'guideline' | 'chapter' | 'section' | 'basis'>[];
  mappings: readonly Mapping[];
  guidelines: Pick<Guidelines, 'rank'>;
}

export interface Counterparts {
  /** Clause-level counterparts in every other guideline, both mapping directions, in registry order. */
  counterpartsOf(id: string): Related[];
  /** The no-counterpart mappings that speak for this clause id (or chapter ref). */
  noCounterpartOf(ref: string): Mapping[];
}

/**
 * The counterparts of every clause, one rule for the reading pages, the index and the CLI: mappings
 * join the project's clauses; official text has none of its own and shares its unit's — those of
 * every project clause on the same unit (so do its passages, through their unit's clause id).
 */
export function counterparts(corpus: CounterpartSource): Counterparts {
  const { clauses, mappings, guidelines } = corpus;
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const unitKey = (c: Pick<Clause, 'guideline' | 'chapter' | 'section'>) =>
    `${c.guideline}\0${c.chapter}\0${c.section}`;
  const onUnit = new Map<string, string[]>();
  for (const c of clauses) {
    if (c.basis === 'official') continue;
    const key = unitKey(c);
    const list = onUnit.get(key);
    if (list) list.push(c.id);
    else onUnit.set(key, [c.id]);
  }
  /** The clauses whose mappings speak for this one. */
  const speakers = (id: string) => {
    const c = byId.get(id);
    return c?.basis === 'official' ? (onUnit.get(unitKey(c)) ?? []) : [id];
  };
  const rankOf = (id: string) => guidelines.rank(byId.get(id)?.guideline ?? '');
  const related = relatedIndex(mappings.filter((m) => m.level === 'clause'));
  const of = (id: string) => {
    const seen = new Set<string>();
    return speakers(id)
      .flatMap((s) => related[s] ?? [])
      .filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)))
      .sort((a, b) => rankOf(a.id) - rankOf(b.id));
  };
  return {
    counterpartsOf: of,
    noCounterpartOf: (ref) => {
      const from = new Set(ref.includes(':') ? [ref] : speakers(ref));
      return mappings.filter((m) => m.to === null && from.has(m.from));
    },
  };
}
