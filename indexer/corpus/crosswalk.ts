/**
 * The crosswalk: mappings from guideline units and checklist items to the entries of a reference
 * framework (NIST CSF 2.0 …). Which framework a mapping speaks for is told by its `to`; a
 * no-counterpart entry has none, so it speaks for the framework its file is named after
 * (content/mappings/csf.yml) — the one convention that lets "no CSF counterpart" be written at all.
 */
import type { Guidelines } from './registry.ts';
import type { Mapping } from './schema/index.ts';

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
