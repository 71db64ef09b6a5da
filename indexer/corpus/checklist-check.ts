/**
 * Cross-references of the checklist: every fact names known sources, every item a known category and
 * existing clauses, and each of the project's items explains itself in every guideline — it links at
 * least one clause of each, or says in `gaps` why it cannot.
 */
import { type Corpus, isUnread, noneUnread, type Unread, unitGuideline, unresolvedByCause } from './corpus.ts';
import { type Problem, problem } from './problems.ts';
import type { RuleId } from './rules.ts';

export function checkChecklist(corpus: Corpus, unread: Unread = noneUnread()): Problem[] {
  const problems: Problem[] = [];
  const { checklist, guidelines } = corpus;
  const at = (rule: RuleId, where: { file: string; line: number }, message: string, guideline?: string) =>
    problems.push(problem(rule, where.file, where.line, message, guideline ? guidelines.get(guideline) : undefined));
  // A practice note is a place to read too, but it speaks for no guideline: units do.
  const guidelineOf = new Map<string, string | null>([
    // Reference entries are reached through the crosswalk's mappings (mappings/KEY.yml), not linked here.
    ...corpus.clauses.filter((c) => c.basis !== 'reference').map((c) => [c.id, c.guideline] as const),
    ...corpus.notes.map((n) => [n.id, null] as const),
  ]);

  const once = <T extends { file: string; line: number }>(
    entries: T[],
    key: (e: T) => string | number,
    what: string,
  ) => {
    const seen = new Map<string | number, T>();
    for (const e of entries) {
      const first = seen.get(key(e));
      if (first) at('checklist-duplicate', e, `duplicate ${what} "${key(e)}" (first at ${first.file}:${first.line})`);
      else seen.set(key(e), e);
    }
    return seen;
  };
  const sources = new Set(corpus.sources.map((s) => s.id));
  const sourceKnown = (id: string) => sources.has(id) || isUnread(unread.sources, id);
  const categories = once(checklist.categories, (c) => c.id, 'category id');
  once(checklist.levels, (l) => l.level, 'level');
  once(checklist.items, (i) => i.id, 'checklist item id');

  for (const entry of [...checklist.categories, ...checklist.levels, ...checklist.facts]) {
    const refs = [...entry.sources, ...('claims' in entry ? (entry.claims ?? []).flatMap((c) => c.sources) : [])];
    for (const ref of refs)
      if (!sourceKnown(ref)) at('source-unknown', entry, `cites unknown source "${ref}" (list it in sources.yml)`);
  }
  // A level is a step on one scale: 1, 2, 3 … with none missing, so scores mean the same everywhere.
  checklist.levels.forEach((l, i) => {
    if (l.level !== i + 1)
      at('checklist-level-order', l, `levels run 1, 2, 3 … in order; expected level ${i + 1}, got ${l.level}`);
  });

  for (const item of checklist.items) {
    if (!categories.has(item.category) && !isUnread(unread.categories, item.category)) {
      const known = [...categories.keys()].join(', ') || 'none; add checklist/categories.yml';
      at(
        'checklist-category-unknown',
        item,
        `item "${item.id}" has unknown category "${item.category}" (known: ${known})`,
      );
    } else if (item.basis === 'editorial' && !item.id.startsWith(`kojo-${item.category}-`)) {
      const message = `item "${item.id}" is in category "${item.category}": its id must start with "kojo-${item.category}-"`;
      at('checklist-item-id-prefix', item, message);
    }
    const missing = item.clauses.filter((ref) => !guidelineOf.has(ref) && !unresolvedByCause(ref, unread));
    for (const ref of missing)
      at('checklist-unknown-ref', item, `item "${item.id}" links missing clause or note "${ref}"`);
    for (const key of Object.keys(item.gaps))
      if (!guidelines.keys.includes(key) && !isUnread(unread.guidelines, key))
        at('checklist-gap-unknown-guideline', item, `item "${item.id}" gives a reason for unknown guideline "${key}"`);
    if (item.basis === 'official') {
      if (!guidelines.keys.includes(item.guideline) && !isUnread(unread.guidelines, item.guideline))
        at(
          'checklist-guideline-unknown',
          item,
          `official item "${item.id}" names unknown guideline "${item.guideline}"`,
        );
      continue;
    }
    // A link gone wrong was meant for some guideline: which one is the author's to say, once it is fixed.
    if (missing.length) continue;
    // The project's items exist to send the reader to every guideline: each must do so or say why not.
    const linked = new Set(item.clauses.map((ref) => guidelineOf.get(ref) ?? unitGuideline(ref, new Map(), unread)));
    for (const key of guidelines.keys) {
      if (!linked.has(key) && !item.gaps[key]) {
        const message = `item "${item.id}" links no ${key} clause; link one, or say why in gaps.${key}`;
        at('checklist-missing-guideline', item, message, key);
      }
      if (linked.has(key) && item.gaps[key]) {
        const message = `item "${item.id}" links a ${key} clause but gaps.${key} says it cannot; remove one`;
        at('checklist-gap-contradicts', item, message);
      }
    }
  }
  return problems;
}
