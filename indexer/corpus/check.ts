/**
 * Cross-reference validation over a loaded corpus: what no single file can tell on its own.
 */
import { samePrintedEdition } from './edition.ts';
import { checkChecklist } from './checklist-check.ts';
import type { Corpus } from './load.ts';
import type { Problem } from './problems.ts';
import { mappingLevel, NO_COUNTERPART, parseChapterRef, type Clause, type Mapping, type Note } from './schema/index.ts';

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
    if (!c.id.startsWith(`${c.guideline}-`))
      at(c.file, c.line, `clause id "${c.id}" must start with "${c.guideline}-"`);
    // A section label is an official number: only the table of contents may coin one.
    const chapter = guidelines.chapter(c.guideline, c.chapter);
    const official = [c.chapter, ...(chapter?.sections ?? []).map((s) => s.label)];
    if (chapter && !official.includes(c.section)) {
      at(
        c.file,
        c.line,
        `section "${c.section}" is not in ${c.guideline} chapter ${c.chapter}'s table of contents (guidelines.yml)`,
      );
    }
  }

  for (const imp of corpus.imports) {
    const described = guidelines.get(imp.guideline)?.version;
    if (described && imp.source.edition && !samePrintedEdition(imp.source.edition, described)) {
      at(
        `${imp.file}/import.yml`,
        1,
        `official text is of ${imp.source.edition}, but guidelines.yml describes ${described}: import the matching PDF`,
      );
    }
  }

  for (const g of guidelines.list) {
    for (const ch of g.chapters) {
      if (!corpus.clauses.some((c) => c.guideline === g.key && c.chapter === ch.label)) {
        at(registryFile, 1, `${g.key} chapter ${ch.label} (${ch.title}) has no clause`);
      }
    }
  }

  const sourceIds = new Map<string, string>();
  for (const src of corpus.sources) {
    const first = sourceIds.get(src.id);
    if (first) at(src.file, src.line, `duplicate source id "${src.id}" (first at ${first})`);
    else sourceIds.set(src.id, `${src.file}:${src.line}`);
  }
  const citesKnown = (file: string, citations: { id: string; line: number }[]) => {
    for (const c of citations)
      if (!sourceIds.has(c.id))
        at(
          file,
          c.line,
          `cites unknown source "${c.id}" (sources.yml lists ${[...sourceIds.keys()].join(', ') || 'none'})`,
        );
  };
  for (const c of corpus.clauses) {
    citesKnown(c.file, c.citations);
    if (c.basis === 'reported' && !c.citations.length) {
      at(
        c.file,
        c.line,
        `reported clause ${c.id} cites no source: put [^S…] after each statement it reports (ids from sources.yml)`,
      );
    }
  }

  const notes = new Map<string, Note>();
  const formerIds = new Map<string, string>();
  for (const c of corpus.clauses) {
    for (const old of c.formerIds) {
      if (byId.has(old)) at(c.file, c.line, `clause ${c.id}: former id "${old}" is a clause id in use`);
      const taken = formerIds.get(old);
      if (taken) at(c.file, c.line, `former id "${old}" is claimed by both ${taken} and ${c.id}`);
      formerIds.set(old, c.id);
    }
  }
  for (const n of corpus.notes) {
    const first = notes.get(n.id);
    if (first) at(n.file, n.line, `duplicate note id "${n.id}" (first in ${first.file})`);
    else notes.set(n.id, n);
    citesKnown(n.file, n.citations);
    for (const ref of n.relates) {
      if (notes.has(ref) || ref.startsWith('note-'))
        at(n.file, n.line, `note ${n.id} relates to "${ref}": a note relates to official units, not to other notes`);
      else if (!byId.has(ref)) at(n.file, n.line, `note ${n.id} relates to unknown unit "${ref}"`);
    }
    for (const old of n.formerIds) {
      if (byId.has(old)) at(n.file, n.line, `note ${n.id}: former id "${old}" is a clause id in use`);
      const taken = formerIds.get(old);
      if (taken) at(n.file, n.line, `former id "${old}" is claimed by both ${taken} and ${n.id}`);
      formerIds.set(old, n.id);
    }
  }

  // Links to this site's reading pages and notes must lead somewhere: a renamed note or a typo is a dead link.
  const noteUrls = new Set(corpus.notes.map((n) => n.url));
  const anchorsOn = new Map<string, Set<string>>();
  const onPage = (url: string, id: string) => anchorsOn.set(url, (anchorsOn.get(url) ?? new Set()).add(id));
  for (const c of corpus.clauses) for (const id of [c.id, ...c.formerIds]) onPage(c.url.split('#')[0]!, id);
  for (const n of corpus.notes) {
    for (const unit of n.relates) {
      const page = byId.get(unit)?.url.split('#')[0];
      const old = n.formerIds.find((id) => id.startsWith(`${byId.get(unit)?.guideline}-`));
      if (page && old) onPage(page, old);
    }
  }
  const linksLead = (file: string, links: { url: string; line: number }[]) => {
    for (const { url, line } of links) {
      const [path = '', anchor] = url.split('#');
      const top = path.split('/')[1] ?? '';
      if (top === 'notes' && path !== '/notes/' && !noteUrls.has(path))
        at(file, line, `link to "${url}": no practice note has that page`);
      if (guidelines.has(top) && path !== `/${top}/`) {
        const ids = anchorsOn.get(path);
        if (!ids) at(file, line, `link to "${url}": no chapter of ${top} has that page`);
        else if (anchor && !ids.has(anchor)) at(file, line, `link to "${url}": no clause "${anchor}" on that page`);
      }
    }
  };
  for (const c of corpus.clauses) linksLead(c.file, c.siteLinks);
  for (const n of corpus.notes) linksLead(n.file, n.siteLinks);

  const sideOf = (ref: string, level: Mapping['level']): string | null => {
    if (level === 'clause') return byId.get(ref)?.guideline ?? null;
    const { guideline, label } = parseChapterRef(ref);
    return guidelines.chapter(guideline, label) ? guideline : null;
  };
  const mappedChapters = new Set<string>();
  for (const m of corpus.mappings) {
    const noteEnd = [m.from, m.to].find((ref) => ref !== null && (notes.has(ref) || formerIds.has(ref)));
    if (noteEnd) {
      at(
        m.file,
        m.line,
        `mapping connects "${noteEnd}", a practice note: mappings connect official units only (attach the note with relates instead)`,
      );
      continue;
    }
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
          at(
            `${corpus.root}/mappings`,
            1,
            `${g.key} chapter ${ch.label} has neither a chapter mapping nor a ${NO_COUNTERPART} entry`,
          );
        }
      }
    }
  }

  const seenTerms = new Map<string, string>();
  for (const t of corpus.glossary) {
    const first = seenTerms.get(t.id);
    if (first) at(t.file, t.line, `duplicate glossary id "${t.id}" (first at ${first})`);
    else seenTerms.set(t.id, `${t.file}:${t.line}`);
    for (const ref of t.clauses)
      if (!byId.has(ref) && !notes.has(ref))
        at(t.file, t.line, `glossary term "${t.id}" refers to missing clause or note "${ref}"`);
    for (const id of t.sources)
      if (!sourceIds.has(id)) at(t.file, t.line, `glossary term "${t.id}" cites unknown source "${id}"`);
  }

  const seenFaq = new Map<string, string>();
  for (const f of corpus.faq) {
    const first = seenFaq.get(f.id);
    if (first) at(f.file, f.line, `duplicate FAQ id "${f.id}" (first at ${first})`);
    else seenFaq.set(f.id, `${f.file}:${f.line}`);
    const missing = f.cites.filter((ref) => !byId.has(ref) && !notes.has(ref));
    for (const ref of missing) at(f.file, f.line, `FAQ "${f.id}" cites missing clause or note "${ref}"`);
    if (missing.length) continue;
    // An answer speaks for every guideline (by its units; notes speak for none): that is what the FAQ is for.
    const cited = new Set(f.cites.map((r) => byId.get(r)?.guideline));
    for (const key of guidelines.keys) if (!cited.has(key)) at(f.file, f.line, `FAQ "${f.id}" cites no ${key} clause`);
  }
  problems.push(...checkChecklist(corpus));
  return problems;
}
