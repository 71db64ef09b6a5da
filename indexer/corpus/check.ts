/**
 * Cross-reference validation over a loaded corpus: what no single file can tell on its own.
 */
import { samePrintedEdition } from './edition.ts';
import { checkChecklist } from './checklist-check.ts';
import type { Corpus } from './load.ts';
import type { Problem } from './problems.ts';
import { mappingLevel, NO_COUNTERPART, parseChapterRef, type Clause, type Mapping } from './schema/index.ts';

export function checkCorpus(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  const at = (file: string, line: number, message: string) => problems.push({ file, line, message });
  const { guidelines } = corpus;
  const registryFile = `${corpus.root}/guidelines.yml`;
  const byId = new Map<string, Clause>();

  const seenKeys = new Set<string>();
  for (const g of guidelines.list) {
    if (seenKeys.has(g.key)) at(registryFile, 1, `guideline "${g.key}" is listed twice`);
    seenKeys.add(g.key);
    for (const field of ['label', 'slug'] as const) {
      const values = g.chapters.map((c) => c[field]);
      const twice = values.find((v, i) => values.indexOf(v) !== i);
      if (twice) at(registryFile, 1, `${g.key} has two chapters with ${field} "${twice}"`);
    }
  }

  for (const c of corpus.clauses) {
    const first = byId.get(c.id);
    if (first) at(c.file, c.line, `duplicate clause id "${c.id}" (first defined at ${first.file}:${first.line})`);
    else byId.set(c.id, c);
    if (!c.id.startsWith(`${c.guideline}-`)) at(c.file, c.line, `clause id "${c.id}" must start with "${c.guideline}-"`);
    // A section label is an official number: only the table of contents may coin one.
    const chapter = guidelines.chapter(c.guideline, c.chapter);
    const official = [c.chapter, ...(chapter?.sections ?? []).map((s) => s.label)];
    if (chapter && !official.includes(c.section)) {
      at(c.file, c.line, `section "${c.section}" is not in ${c.guideline} chapter ${c.chapter}'s table of contents (guidelines.yml)`);
    }
  }

  for (const imp of corpus.imports) {
    const described = guidelines.get(imp.guideline)?.version;
    if (described && imp.source.edition && !samePrintedEdition(imp.source.edition, described)) {
      at(`${imp.file}/import.yml`, 1, `official text is of ${imp.source.edition}, but guidelines.yml describes ${described}: import the matching PDF`);
    }
  }

  for (const g of guidelines.list) {
    for (const ch of g.chapters) {
      if (!corpus.clauses.some((c) => c.guideline === g.key && c.chapter === ch.label)) {
        at(registryFile, 1, `${g.key} chapter ${ch.label} (${ch.title}) has no clause`);
      }
    }
  }

  const sideOf = (ref: string, level: Mapping['level']): string | null => {
    if (level === 'clause') return byId.get(ref)?.guideline ?? null;
    const { guideline, label } = parseChapterRef(ref);
    return guidelines.chapter(guideline, label) ? guideline : null;
  };
  const mappedChapters = new Set<string>();
  for (const m of corpus.mappings) {
    const from = sideOf(m.from, m.level);
    if (!from) at(m.file, m.line, `mapping refers to unknown ${m.level} "${m.from}"`);
    if (m.to === null) {
      if (m.level === 'chapter') mappedChapters.add(m.from);
      continue;
    }
    const toLevel = mappingLevel(m.to);
    if (toLevel !== m.level) {
      at(m.file, m.line, `mapping mixes levels: "${m.from}" is a ${m.level}, "${m.to}" is a ${toLevel}`);
      continue;
    }
    const to = sideOf(m.to, m.level);
    if (!to) at(m.file, m.line, `mapping refers to unknown ${m.level} "${m.to}"`);
    if (from && to && !(guidelines.rank(from) < guidelines.rank(to))) {
      const [a, b] = [from, to].sort((x, y) => guidelines.rank(x) - guidelines.rank(y));
      at(m.file, m.line, `mapping pairs read in guidelines.yml order (from: ${a}…, to: ${b}…), got ${from} → ${to}`);
    }
    if (m.level === 'chapter') mappedChapters.add(m.from).add(m.to);
  }
  if (corpus.mappings.length || guidelines.list.length > 1) {
    for (const g of guidelines.list) {
      for (const ch of g.chapters) {
        if (!mappedChapters.has(`${g.key}:${ch.label}`)) {
          at(`${corpus.root}/mappings`, 1, `${g.key} chapter ${ch.label} has neither a chapter mapping nor a ${NO_COUNTERPART} entry`);
        }
      }
    }
  }

  const seenTerms = new Map<string, string>();
  for (const t of corpus.glossary) {
    const first = seenTerms.get(t.id);
    if (first) at(t.file, t.line, `duplicate glossary id "${t.id}" (first at ${first})`);
    else seenTerms.set(t.id, `${t.file}:${t.line}`);
    for (const ref of t.clauses) if (!byId.has(ref)) at(t.file, t.line, `glossary term "${t.id}" refers to missing clause "${ref}"`);
  }

  const seenFaq = new Map<string, string>();
  for (const f of corpus.faq) {
    const first = seenFaq.get(f.id);
    if (first) at(f.file, f.line, `duplicate FAQ id "${f.id}" (first at ${first})`);
    else seenFaq.set(f.id, `${f.file}:${f.line}`);
    const missing = f.cites.filter((ref) => !byId.has(ref));
    for (const ref of missing) at(f.file, f.line, `FAQ "${f.id}" cites missing clause "${ref}"`);
    if (missing.length) continue;
    // An answer speaks for every guideline: that is what the FAQ is for.
    const cited = new Set(f.cites.map((r) => byId.get(r)?.guideline));
    for (const key of guidelines.keys) if (!cited.has(key)) at(f.file, f.line, `FAQ "${f.id}" cites no ${key} clause`);
  }
  problems.push(...checkChecklist(corpus));
  return problems;
}

