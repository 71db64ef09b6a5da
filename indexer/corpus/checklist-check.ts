/**
 * Cross-references of the checklist: every fact names known sources, every item a known category and
 * existing clauses, and each of the project's items explains itself in every guideline — it links at
 * least one clause of each, or says in `gaps` why it cannot.
 */
import type { Corpus } from './load.ts';
import type { Problem } from './problems.ts';

export function checkChecklist(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  const at = (where: { file: string; line: number }, message: string) =>
    problems.push({ file: where.file, line: where.line, message });
  const { checklist, guidelines } = corpus;
  // A practice note is a place to read too, but it speaks for no guideline: units do.
  const guidelineOf = new Map([
    ...corpus.clauses.map((c) => [c.id, c.guideline] as const),
    ...corpus.notes.map((n) => [n.id, undefined] as const),
  ]);

  const once = <T extends { file: string; line: number }>(
    entries: T[],
    key: (e: T) => string | number,
    what: string,
  ) => {
    const seen = new Map<string | number, T>();
    for (const e of entries) {
      const first = seen.get(key(e));
      if (first) at(e, `duplicate ${what} "${key(e)}" (first at ${first.file}:${first.line})`);
      else seen.set(key(e), e);
    }
    return seen;
  };
  const sources = new Set(corpus.sources.map((s) => s.id));
  const categories = once(checklist.categories, (c) => c.id, 'category id');
  once(checklist.levels, (l) => l.level, 'level');
  once(checklist.items, (i) => i.id, 'checklist item id');

  for (const entry of [...checklist.categories, ...checklist.levels, ...checklist.facts]) {
    const refs = [...entry.sources, ...('claims' in entry ? (entry.claims ?? []).flatMap((c) => c.sources) : [])];
    for (const ref of refs) if (!sources.has(ref)) at(entry, `cites unknown source "${ref}" (list it in sources.yml)`);
  }
  // A level is a step on one scale: 1, 2, 3 … with none missing, so scores mean the same everywhere.
  checklist.levels.forEach((l, i) => {
    if (l.level !== i + 1) at(l, `levels run 1, 2, 3 … in order; expected level ${i + 1}, got ${l.level}`);
  });

  for (const item of checklist.items) {
    if (!categories.has(item.category)) {
      at(
        item,
        `item "${item.id}" has unknown category "${item.category}" (known: ${[...categories.keys()].join(', ') || 'none; add checklist/categories.yml'})`,
      );
    } else if (item.basis === 'editorial' && !item.id.startsWith(`kojo-${item.category}-`)) {
      at(item, `item "${item.id}" is in category "${item.category}": its id must start with "kojo-${item.category}-"`);
    }
    for (const ref of item.clauses)
      if (!guidelineOf.has(ref)) at(item, `item "${item.id}" links missing clause or note "${ref}"`);
    for (const key of Object.keys(item.gaps))
      if (!guidelines.has(key)) at(item, `item "${item.id}" gives a reason for unknown guideline "${key}"`);
    if (item.basis === 'official') {
      if (!guidelines.has(item.guideline))
        at(item, `official item "${item.id}" names unknown guideline "${item.guideline}"`);
      continue;
    }
    // The project's items exist to send the reader to both guidelines: each must do so or say why not.
    const linked = new Set(item.clauses.map((ref) => guidelineOf.get(ref)));
    for (const key of guidelines.keys) {
      if (!linked.has(key) && !item.gaps[key])
        at(item, `item "${item.id}" links no ${key} clause; link one, or say why in gaps.${key}`);
      if (linked.has(key) && item.gaps[key])
        at(item, `item "${item.id}" links a ${key} clause but gaps.${key} says it cannot; remove one`);
    }
  }
  return problems;
}
