/**
 * The crosswalk: mappings from guideline units and checklist items to the entries of a reference
 * framework (NIST CSF 2.0 …). Which framework a mapping speaks for is told by its `to`; a
 * no-counterpart entry has none, so it speaks for the framework its file is named after
 * (content/mappings/csf.yml) — the one convention that lets "no CSF counterpart" be written at all.
 */
import type { Guidelines } from './registry.ts';
import type { Clause, GuidelineMeta, Mapping } from './schema/index.ts';

/** The reference framework whose key starts this clause id (`csf-gv-oc-01` → `csf`), if any. */
export function referenceKeyOf(id: string, guidelines: Pick<Guidelines, 'references'>): string | undefined {
  return guidelines.references.find((g) => id.startsWith(`${g.key}-`))?.key;
}

/** `content/mappings/csf.yml` → `csf`. */
const fileKey = (file: string) => (file.split(/[\\/]/).at(-1) ?? '').replace(/\.ya?ml$/, '');

/** The reference framework a mapping speaks for, or undefined for a mapping between guidelines. */
export function mappingFramework(
  m: Pick<Mapping, 'to' | 'file'>,
  guidelines: Pick<Guidelines, 'references' | 'isReference'>,
): string | undefined {
  if (m.to !== null) return referenceKeyOf(m.to, guidelines);
  const key = fileKey(m.file);
  return guidelines.isReference(key) ? key : undefined;
}

/** The crosswalk mappings to one framework, and the mappings between guidelines (`framework` undefined). */
export function mappingsFor(
  mappings: readonly Mapping[],
  guidelines: Pick<Guidelines, 'references' | 'isReference'>,
  framework: string | undefined,
): Mapping[] {
  return mappings.filter((m) => mappingFramework(m, guidelines) === framework);
}

/** A unit's or checklist item's entries in one reference framework, and whether it says it has none. */
export interface CrosswalkLine {
  framework: GuidelineMeta;
  entries: Clause[];
  mappings: Mapping[];
  /** A no-counterpart entry speaks for it in this framework. */
  none: boolean;
}

/** What a unit or checklist item maps to, framework by framework (registry order; frameworks it is not mapped in left out). */
export function crosswalkOf(
  from: string,
  corpus: { guidelines: Guidelines; mappings: readonly Mapping[]; clauses: readonly Clause[] },
): CrosswalkLine[] {
  const byId = new Map(corpus.clauses.map((c) => [c.id, c]));
  const own = corpus.mappings.filter((m) => m.from === from);
  return corpus.guidelines.references.flatMap((framework) => {
    const mappings = own.filter((m) => mappingFramework(m, corpus.guidelines) === framework.key);
    if (!mappings.length) return [];
    const entries = mappings.flatMap((m) => (m.to !== null && byId.has(m.to) ? [byId.get(m.to)!] : []));
    return [{ framework, entries, mappings, none: mappings.some((m) => m.to === null) }];
  });
}
