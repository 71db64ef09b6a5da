/**
 * `kojo check` rules for the crosswalk (see ./crosswalk.ts): reference ids resolve to entries of the
 * framework's file, at its finest level, mapped from units or checklist items only, each pair once;
 * and coverage warnings where the crosswalk stops short.
 */
import { type Corpus, isUnread, type Unread, unitGuideline } from './corpus.ts';
import { mappingFramework } from './crosswalk.ts';
import { type Problem, problem } from './problems.ts';
import type { RuleId } from './rules.ts';
import type { Clause, Mapping } from './schema/index.ts';

/** Whether the general mapping rules leave this mapping to these (it touches a framework or an item). */
export function isCrosswalkMapping(m: Mapping, corpus: Pick<Corpus, 'guidelines' | 'checklist'>): boolean {
  const { guidelines } = corpus;
  const fromReference = guidelines.references.some((g) => m.from.startsWith(`${g.key}-`));
  return fromReference || itemIds(corpus).has(m.from) || mappingFramework(m, guidelines) !== undefined;
}

/** The checklist's items, and the project's ones official items replaced (their mappings still resolve). */
const itemIds = (corpus: Pick<Corpus, 'checklist'>) =>
  new Set([...corpus.checklist.items, ...corpus.checklist.replaced].map((i) => i.id));

export function checkCrosswalk(corpus: Corpus, byId: ReadonlyMap<string, Clause>, unread: Unread): Problem[] {
  const problems: Problem[] = [];
  const { guidelines } = corpus;
  const at = (rule: RuleId, m: Pick<Mapping, 'file' | 'line'>, message: string) =>
    problems.push(problem(rule, m.file, m.line, message));
  const items = itemIds(corpus);
  const covered = new Map<string, Set<string>>(guidelines.references.map((g) => [g.key, new Set()]));
  const pairs = new Map<string, string>();

  for (const m of corpus.mappings) {
    const pair = `${m.from}\0${m.to ?? `\0${mappingFramework(m, guidelines) ?? ''}`}`;
    const first = pairs.get(pair);
    if (first)
      at('mapping-duplicate', m, `"${m.from}" → "${m.to ?? 'no-counterpart'}" is mapped twice (first at ${first})`);
    else pairs.set(pair, `${m.file}:${m.line}`);
    if (!isCrosswalkMapping(m, corpus)) continue;
    const framework = mappingFramework(m, guidelines);
    const fromRef = guidelines.references.find((g) => m.from.startsWith(`${g.key}-`));
    if (fromRef) {
      at(
        'mapping-reference-side',
        m,
        `"${m.from}" is a ${fromRef.label} entry: map to it from a unit or checklist item`,
      );
      continue;
    }
    if (!framework) {
      const message = `checklist item "${m.from}" is mapped to "${m.to ?? 'no-counterpart'}": items map to reference entries only (put no-counterpart entries in mappings/<framework key>.yml)`;
      at('mapping-checklist-item', m, message);
      continue;
    }
    const fromKnown = items.has(m.from) || unitGuideline(m.from, byId, unread) !== undefined;
    if (!fromKnown) at('mapping-unknown-ref', m, `mapping refers to unknown unit or checklist item "${m.from}"`);
    // A wrong `to` is reported as such: the unit is still meant to be covered, one cause one message.
    else covered.get(framework)?.add(m.from);
    if (m.to !== null && !isUnread(unread.guidelines, framework)) {
      const entry = byId.get(m.to);
      const meta = guidelines.get(framework)!;
      if (!entry) {
        const message = `"${m.to}" is not a ${meta.label} entry (no identifier in ${meta.entries} has that id)`;
        at('mapping-reference-unknown', m, message);
        continue;
      }
      if (entry.reference && !entry.reference.leaf) {
        const message = `"${m.to}" (${entry.reference.id}) groups other ${meta.label} entries: map to the ones under it`;
        at('mapping-reference-level', m, message);
      }
    }
  }
  problems.push(...coverageWarnings(corpus, covered));
  return problems;
}

/**
 * A chapter the crosswalk to a framework reaches (one of its units is mapped) is read whole: each of
 * its units should be mapped too; so should every checklist item once one is. Official text is
 * spoken for by its unit's clauses, so it is not asked for.
 */
function coverageWarnings(corpus: Corpus, covered: ReadonlyMap<string, ReadonlySet<string>>): Problem[] {
  const problems: Problem[] = [];
  const units = corpus.clauses.filter((c) => corpus.guidelines.list.some((g) => g.key === c.guideline));
  for (const [framework, mapped] of covered) {
    if (!mapped.size) continue;
    const meta = corpus.guidelines.get(framework)!;
    const chapterOf = (c: Clause) => `${c.guideline}:${c.chapter}`;
    const reached = new Set(units.filter((c) => mapped.has(c.id)).map(chapterOf));
    for (const c of units) {
      if (c.basis === 'official' || mapped.has(c.id) || !reached.has(chapterOf(c))) continue;
      const message = `${c.id} has no ${meta.label} mapping (nor a no-counterpart entry in mappings/${framework}.yml), though other units of its chapter have`;
      problems.push(problem('crosswalk-unmapped', c.file, c.line, message));
    }
    if (!corpus.checklist.items.some((i) => mapped.has(i.id))) continue;
    for (const item of corpus.checklist.items) {
      if (mapped.has(item.id)) continue;
      const message = `checklist item ${item.id} has no ${meta.label} mapping (nor a no-counterpart entry in mappings/${framework}.yml)`;
      problems.push(problem('crosswalk-unmapped', item.file, item.line, message));
    }
  }
  return problems;
}
