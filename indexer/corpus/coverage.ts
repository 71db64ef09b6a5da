/**
 * How much of each guideline's official text has been imported, and which official text belongs to
 * a clause: the one answer `kojo check`, `kojo list` and the About page give.
 */
import type { Corpus } from './corpus.ts';
import type { Clause, ImportRecord } from './schema/index.ts';
import { t } from '../wording/index.ts';

export interface OfficialCoverage {
  key: string;
  import: ImportRecord | null;
  /** Units of the official table of contents (chapters and their sections). */
  units: { chapter: string; section: string; clause: Clause | undefined }[];
  found: number;
}

export function officialCoverage(corpus: Pick<Corpus, 'guidelines' | 'clauses' | 'imports'>): OfficialCoverage[] {
  const officialTextOf = officialTexts(corpus.clauses);
  return corpus.guidelines.list.map((g) => {
    const units = g.chapters.flatMap((ch) =>
      [ch.label, ...(ch.sections ?? []).map((s) => s.label)].map((section) => ({
        chapter: ch.label,
        section,
        clause: officialTextOf({ guideline: g.key, chapter: ch.label, section }),
      })),
    );
    return {
      key: g.key,
      import: corpus.imports.find((i) => i.guideline === g.key) ?? null,
      units,
      found: units.filter((u) => u.clause).length,
    };
  });
}

type Unit = Pick<Clause, 'guideline' | 'chapter' | 'section'>;
const unitKey = (u: Unit) => `${u.guideline}\u0000${u.chapter}\u0000${u.section}`;

/** A lookup of the official text of the unit a clause is on, if it has been imported (indexed once). */
export function officialTexts(clauses: readonly Clause[]): (unit: Unit) => Clause | undefined {
  const byUnit = new Map(clauses.filter((c) => c.basis === 'official').map((c) => [unitKey(c), c]));
  return (unit) => byUnit.get(unitKey(unit));
}

/** `official text 12/26 units (Ver 1.0, imported 2026-11-29)`, or how to get it. */
export function coverageLine(c: OfficialCoverage): string {
  if (!c.import) return t('check.noOfficial');
  return t('check.official', {
    found: c.found,
    units: c.units.length,
    edition: c.import.source.edition,
    date: c.import.importedAt.slice(0, 10),
  });
}
