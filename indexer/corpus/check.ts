/**
 * Cross-reference validation over a loaded corpus: what no single file can tell on its own. Each
 * problem names its rule (./rules.ts). A reference to something a broken file would have defined
 * (`unread`) is not reported: the broken file's own problem is the cause, and the one to fix.
 */
import { checkChecklist } from './checklist-check.ts';
import { checkCrosswalk, isCrosswalkMapping } from './crosswalk-check.ts';
import { type Corpus, isUnread, noneUnread, type Unread, unitGuideline, unresolvedByCause } from './corpus.ts';
import { samePrintedEdition } from './edition.ts';
import { type Problem, problem } from './problems.ts';
import type { RuleId } from './rules.ts';
import { t } from '../wording/index.ts';
import { type Clause, type Mapping, mappingLevel, NO_COUNTERPART, type Note, parseChapterRef } from './schema/index.ts';

export function checkCorpus(corpus: Corpus, unread: Unread = noneUnread()): Problem[] {
  const problems: Problem[] = [];
  const { guidelines } = corpus;
  const at = (rule: RuleId, file: string, line: number, message: string, guideline?: string) =>
    problems.push(problem(rule, file, line, message, guideline ? guidelines.get(guideline) : undefined));
  const registryFile = `${corpus.root}/guidelines.yml`;
  const byId = new Map<string, Clause>();

  const seenKeys = new Set<string>();
  for (const g of guidelines.list) {
    if (seenKeys.has(g.key)) at('guideline-duplicate', registryFile, 1, `guideline "${g.key}" is listed twice`);
    seenKeys.add(g.key);
    for (const field of ['label', 'slug'] as const) {
      const values = g.chapters.map((c) => c[field]);
      const twice = values.find((v, i) => values.indexOf(v) !== i);
      if (twice) at('chapter-duplicate', registryFile, 1, `${g.key} has two chapters with ${field} "${twice}"`);
    }
  }

  for (const c of corpus.clauses) {
    const first = byId.get(c.id);
    if (first)
      at(
        'clause-id-duplicate',
        c.file,
        c.line,
        `duplicate clause id "${c.id}" (first defined at ${first.file}:${first.line})`,
      );
    else byId.set(c.id, c);
    if (!c.id.startsWith(`${c.guideline}-`))
      at('clause-id-prefix', c.file, c.line, `clause id "${c.id}" must start with "${c.guideline}-"`);
    // A section label is an official number: only the table of contents may coin one.
    const chapter = guidelines.chapter(c.guideline, c.chapter);
    const official = [c.chapter, ...(chapter?.sections ?? []).map((s) => s.label)];
    if (chapter && !official.includes(c.section)) {
      const message = `section "${c.section}" is not in ${c.guideline} chapter ${c.chapter}'s table of contents (guidelines.yml)`;
      at('section-unknown', c.file, c.line, message);
    }
  }

  for (const imp of corpus.imports) {
    const described = guidelines.get(imp.guideline)?.version;
    if (described && imp.source.edition && !samePrintedEdition(imp.source.edition, described)) {
      const message = `official text is of ${imp.source.edition}, but guidelines.yml describes ${described}: import the matching PDF`;
      at('official-edition-mismatch', `${imp.file}/import.yml`, 1, message);
    }
  }

  // One pass over the clauses: asking each chapter of each guideline to scan them all took seconds at 100×.
  const chaptersWithClauses = new Set(corpus.clauses.map((c) => `${c.guideline}:${c.chapter}`));
  for (const g of guidelines.list) {
    if (isUnread(unread.guidelines, g.key)) continue;
    for (const ch of g.chapters) {
      const unreadHere = unread.chapters.has(`${g.key}:${ch.label}`) || unread.chapters.has(`${g.key}:*`);
      if (!unreadHere && !chaptersWithClauses.has(`${g.key}:${ch.label}`)) {
        at('chapter-no-clause', registryFile, 1, `${g.key} chapter ${ch.label} (${ch.title}) has no clause`, g.key);
      }
    }
  }

  const sourceIds = new Map<string, string>();
  for (const src of corpus.sources) {
    const first = sourceIds.get(src.id);
    if (first) at('source-id-duplicate', src.file, src.line, `duplicate source id "${src.id}" (first at ${first})`);
    else sourceIds.set(src.id, `${src.file}:${src.line}`);
  }
  const sourceKnown = (id: string) => sourceIds.has(id) || isUnread(unread.sources, id);
  const citesKnown = (file: string, citations: { id: string; line: number }[]) => {
    for (const c of citations)
      if (!sourceKnown(c.id)) {
        const listed = [...sourceIds.keys()].join(', ') || 'none';
        at('source-unknown', file, c.line, `cites unknown source "${c.id}" (sources.yml lists ${listed})`);
      }
  };
  for (const c of corpus.clauses) {
    citesKnown(c.file, c.citations);
    if (c.basis === 'reported' && !c.citations.length) {
      const message = `reported clause ${c.id} cites no source: put [^S…] after each statement it reports (ids from sources.yml)`;
      at('clause-cites-no-source', c.file, c.line, message);
    }
  }

  const notes = new Map<string, Note>();
  const formerIds = new Map<string, string>();
  const formerOnce = (owner: { id: string; file: string; line: number }, old: string, what: string) => {
    if (byId.has(old))
      at('former-id-in-use', owner.file, owner.line, `${what}: former id "${old}" is a clause id in use`);
    const taken = formerIds.get(old);
    if (taken)
      at(
        'former-id-duplicate',
        owner.file,
        owner.line,
        `former id "${old}" is claimed by both ${taken} and ${owner.id}`,
      );
    formerIds.set(old, owner.id);
  };
  for (const c of corpus.clauses) for (const old of c.formerIds) formerOnce(c, old, `clause ${c.id}`);
  for (const n of corpus.notes) {
    const first = notes.get(n.id);
    if (first) at('note-id-duplicate', n.file, n.line, `duplicate note id "${n.id}" (first in ${first.file})`);
    else notes.set(n.id, n);
    citesKnown(n.file, n.citations);
    for (const ref of n.relates) {
      if (notes.has(ref) || ref.startsWith('note-')) {
        const message = `note ${n.id} relates to "${ref}": a note relates to official units, not to other notes`;
        at('note-relates-note', n.file, n.line, message);
      } else if (!byId.has(ref) && !unresolvedByCause(ref, unread))
        at('note-relates-unknown', n.file, n.line, `note ${n.id} relates to unknown unit "${ref}"`);
    }
    for (const old of n.formerIds) formerOnce(n, old, `note ${n.id}`);
  }
  const exists = (ref: string) => byId.has(ref) || notes.has(ref) || unresolvedByCause(ref, unread);

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
  const unreadNote = [...unread.ids].some(([, guideline]) => guideline === null);
  const linksLead = (file: string, links: { url: string; line: number }[]) => {
    for (const { url, line } of links) {
      const [path = '', anchor] = url.split('#');
      const top = path.split('/')[1] ?? '';
      if (top === 'notes' && path !== '/notes/' && !noteUrls.has(path) && !unreadNote)
        at('link-dead', file, line, `link to "${url}": no practice note has that page`);
      if (guidelines.has(top) && path !== `/${top}/`) {
        const ids = anchorsOn.get(path);
        const slug = path.split('/')[2];
        const chapter = guidelines.get(top)?.chapters.find((c) => c.slug === slug)?.label;
        const pageUnread =
          isUnread(unread.guidelines, top) ||
          unread.chapters.has(`${top}:*`) ||
          (chapter !== undefined && unread.chapters.has(`${top}:${chapter}`));
        if (!ids && !pageUnread) at('link-dead', file, line, `link to "${url}": no chapter of ${top} has that page`);
        else if (ids && anchor && !ids.has(anchor) && !unread.ids.has(anchor))
          at('link-dead', file, line, `link to "${url}": no clause "${anchor}" on that page`);
      }
    }
  };
  for (const c of corpus.clauses) linksLead(c.file, c.siteLinks);
  for (const n of corpus.notes) linksLead(n.file, n.siteLinks);

  checkMappings(corpus, byId, notes, formerIds, unread, at);
  problems.push(...checkCrosswalk(corpus, byId, unread));

  // FAQ and glossary fields are shown as plain text: markup in them would appear as typed, a link dead.
  const plain = (file: string, line: number, what: string, text: string | null | undefined) => {
    const found = markupProblem(file, line, what, text);
    if (found) problems.push(found);
  };
  for (const term of corpus.glossary)
    for (const [field, text] of [
      ['term', term.term],
      ['expansion', term.expansion],
      ['definition', term.definition],
    ] as const)
      plain(term.file, term.line, `the ${field} of glossary term "${term.id}"`, text);
  for (const f of corpus.faq)
    for (const [field, text] of [
      ['question', f.question],
      ['answer', f.answer],
    ] as const)
      plain(f.file, f.line, `the ${field} of FAQ "${f.id}"`, text);

  const seenTerms = new Map<string, string>();
  for (const t of corpus.glossary) {
    const first = seenTerms.get(t.id);
    if (first) at('glossary-id-duplicate', t.file, t.line, `duplicate glossary id "${t.id}" (first at ${first})`);
    else seenTerms.set(t.id, `${t.file}:${t.line}`);
    for (const ref of t.clauses)
      if (!exists(ref))
        at('glossary-unknown-ref', t.file, t.line, `glossary term "${t.id}" refers to missing clause or note "${ref}"`);
    for (const id of t.sources)
      if (!sourceKnown(id))
        at('source-unknown', t.file, t.line, `glossary term "${t.id}" cites unknown source "${id}"`);
  }

  const seenFaq = new Map<string, string>();
  for (const f of corpus.faq) {
    const first = seenFaq.get(f.id);
    if (first) at('faq-id-duplicate', f.file, f.line, `duplicate FAQ id "${f.id}" (first at ${first})`);
    else seenFaq.set(f.id, `${f.file}:${f.line}`);
    const missing = f.cites.filter((ref) => !exists(ref));
    for (const ref of missing)
      at('faq-unknown-ref', f.file, f.line, `FAQ "${f.id}" cites missing clause or note "${ref}"`);
    if (missing.length) continue;
    // An answer speaks for every guideline (by its units; notes speak for none): that is what the FAQ is for.
    const cited = new Set(f.cites.map((r) => unitGuideline(r, byId, unread)));
    for (const key of guidelines.keys)
      if (!cited.has(key)) at('faq-missing-guideline', f.file, f.line, `FAQ "${f.id}" cites no ${key} clause`, key);
  }
  problems.push(...checkChecklist(corpus, unread));
  return problems;
}

/**
 * The problem of a text shown as plain text (FAQ and glossary fields, English summaries) that holds
 * markup the site would show as typed, or null.
 */
export function markupProblem(
  file: string,
  line: number,
  what: string,
  text: string | null | undefined,
): Problem | null {
  const markup = text ? plainTextMarkup.exec(text)?.[0] : undefined;
  return markup ? problem('plain-text-markup', file, line, t('check.plainTextMarkup', { what, markup })) : null;
}

/** An HTML tag, a Markdown link or image, an autolink (`<https://…>`), or a protocol-relative address. */
const plainTextMarkup =
  /<\/?[a-z][\w-]*(?:\s[^>]*)?\/?>|!?\[[^\]]*\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>|(?<![:\w])\/\/[\w.-]+\.[a-z]{2,}/i;

type At = (rule: RuleId, file: string, line: number, message: string, guideline?: string) => void;

/** Mappings connect units (or chapters) of two guidelines, in registry order; every chapter has one. */
function checkMappings(
  corpus: Corpus,
  byId: ReadonlyMap<string, Clause>,
  notes: ReadonlyMap<string, Note>,
  formerIds: ReadonlyMap<string, string>,
  unread: Unread,
  at: At,
): void {
  const { guidelines } = corpus;
  const sideOf = (ref: string, level: Mapping['level']): string | null => {
    if (level === 'clause') return unitGuideline(ref, byId, unread) ?? null;
    const { guideline, label } = parseChapterRef(ref);
    return guidelines.chapter(guideline, label) || isUnread(unread.guidelines, guideline) ? guideline : null;
  };
  const mappedChapters = new Set<string>();
  for (const m of corpus.mappings) {
    if (isCrosswalkMapping(m, corpus)) continue; // ./crosswalk-check.ts
    const noteEnd = [m.from, m.to].find((ref) => ref !== null && (notes.has(ref) || formerIds.has(ref)));
    if (noteEnd) {
      const message = `mapping connects "${noteEnd}", a practice note: mappings connect official units only (attach the note with relates instead)`;
      at('mapping-note', m.file, m.line, message);
      continue;
    }
    const from = sideOf(m.from, m.level);
    if (!from) at('mapping-unknown-ref', m.file, m.line, `mapping refers to unknown ${m.level} "${m.from}"`);
    if (m.to === null) {
      if (m.level === 'chapter') mappedChapters.add(m.from);
      continue;
    }
    const toLevel = mappingLevel(m.to);
    if (toLevel !== m.level) {
      const message = `mapping mixes levels: "${m.from}" is a ${m.level}, "${m.to}" is a ${toLevel}`;
      at('mapping-mixed-levels', m.file, m.line, message);
      continue;
    }
    const to = sideOf(m.to, m.level);
    if (!to) at('mapping-unknown-ref', m.file, m.line, `mapping refers to unknown ${m.level} "${m.to}"`);
    if (from && to && guidelines.has(from) && guidelines.has(to) && !(guidelines.rank(from) < guidelines.rank(to))) {
      const [a, b] = [from, to].sort((x, y) => guidelines.rank(x) - guidelines.rank(y));
      const message = `mapping pairs read in guidelines.yml order (from: ${a}…, to: ${b}…), got ${from} → ${to}`;
      at('mapping-order', m.file, m.line, message);
    }
    if (m.level === 'chapter') mappedChapters.add(m.from).add(m.to);
  }
  if (!corpus.mappings.length && guidelines.list.length < 2) return;
  for (const g of guidelines.list) {
    for (const ch of g.chapters) {
      const ref = `${g.key}:${ch.label}`;
      if (!mappedChapters.has(ref) && !isUnread(unread.mapped, ref)) {
        const message = `${g.key} chapter ${ch.label} has neither a chapter mapping nor a ${NO_COUNTERPART} entry`;
        at('chapter-unmapped', `${corpus.root}/mappings`, 1, message, g.key);
      }
    }
  }
}
