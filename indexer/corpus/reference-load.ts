/** Reads the entries files of the registry's reference frameworks (Node only); ./reference.ts shapes them. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Problem, problem } from './problems.ts';
import { referenceOutline } from './reference.ts';
import { type Clause, type GuidelineMeta, ReferenceEntry, type RegistryEntry } from './schema/index.ts';
import { readYamlList } from './yaml-source.ts';

export interface LoadedRegistry {
  /** Every registry entry in its order, reference frameworks with their derived chapters. */
  metas: GuidelineMeta[];
  /** The reference frameworks' entries as clauses, framework by framework. */
  clauses: Clause[];
  problems: Problem[];
  /** Frameworks whose entries could not all be read: mappings to them are not reported one by one. */
  unreadKeys: string[];
}

export async function resolveRegistry(
  dir: string,
  entries: RegistryEntry[],
  registryFile: string,
  show: (abs: string) => string,
): Promise<LoadedRegistry> {
  const out: LoadedRegistry = { metas: [], clauses: [], problems: [], unreadKeys: [] };
  for (const entry of entries) {
    if (entry.kind !== 'reference') {
      out.metas.push(entry);
      continue;
    }
    const abs = join(dir, entry.entries);
    const exists = await readFile(abs).then(
      () => true,
      () => false,
    );
    const r = exists ? await readYamlList(abs, show(abs), ReferenceEntry) : null;
    if (!r) {
      const message = `${entry.key}: entries file ${entry.entries} not found (the framework's identifiers, one entry a line)`;
      out.problems.push(problem('reference-entries-missing', registryFile, 1, message));
    } else out.problems.push(...r.problems);
    if (!r || r.unreadable || r.rejected.length) out.unreadKeys.push(entry.key);
    const outline = referenceOutline(entry, r?.items ?? [], show(abs));
    out.problems.push(...outline.problems);
    out.metas.push(outline.meta);
    out.clauses.push(...outline.clauses);
  }
  return out;
}
