/**
 * Cross-reference validation over a loaded corpus: what no single file can tell on its own.
 */
import type { Corpus } from './content.ts';
import type { Problem } from './problems.ts';
import { guidelineKeys, mappingLevel, NO_COUNTERPART, type GuidelineKey, type Mapping } from './schema.ts';

export function checkCorpus(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  const at = (file: string, line: number, message: string) => problems.push({ file, line, message });
  const byId = new Map<string, Corpus['clauses'][number]>();

  for (const c of corpus.clauses) {
    const first = byId.get(c.id);
    if (first) at(c.file, c.line, `duplicate clause id "${c.id}" (first defined at ${first.file}:${first.line})`);
    else byId.set(c.id, c);
    if (!c.id.startsWith(`${c.guideline}-`)) at(c.file, c.line, `clause id "${c.id}" must start with "${c.guideline}-"`);
  }

  for (const g of corpus.guidelines) {
    for (const ch of g.chapters) {
      if (!corpus.clauses.some((c) => c.guideline === g.key && c.chapter === ch.label)) {
        at(`${corpus.root}/guidelines.yml`, 1, `${g.key} chapter ${ch.label} (${ch.title}) has no clause`);
      }
    }
  }

  const chapterExists = (ref: string) => {
    const [key, label] = ref.split(':') as [GuidelineKey, string];
    return corpus.guidelines.some((g) => g.key === key && g.chapters.some((c) => c.label === label));
  };
  const sideOf = (ref: string, level: Mapping['level']): GuidelineKey | null => {
    if (level === 'chapter') return chapterExists(ref) ? (ref.split(':')[0] as GuidelineKey) : null;
    return byId.get(ref)?.guideline ?? null;
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
    if (from && to && !(from === 'meti' && to === 'gutp')) {
      at(m.file, m.line, `mapping pairs must read METI → GUTP (from: meti…, to: gutp…), got ${from} → ${to}`);
    }
    if (m.level === 'chapter') mappedChapters.add(m.from).add(m.to);
  }
  if (corpus.mappings.length || corpus.guidelines.length) {
    for (const g of corpus.guidelines) {
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
    for (const ref of f.cites) if (!byId.has(ref)) at(f.file, f.line, `FAQ "${f.id}" cites missing clause "${ref}"`);
    const cited = new Set(f.cites.map((r) => byId.get(r)?.guideline).filter(Boolean));
    for (const key of guidelineKeys) {
      if (!cited.has(key) && f.cites.every((r) => byId.has(r))) at(f.file, f.line, `FAQ "${f.id}" cites no ${key} clause`);
    }
  }
  return problems;
}
