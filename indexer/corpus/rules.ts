/**
 * Every rule `kojo check` applies, as data (remark-lint style): a stable id, what it checks, and how
 * serious a breach is. Problems name their rule, so tests, scripts and people can tell one from
 * another without reading messages, and `kojo check --rules` lists them from here.
 *
 * Two kinds of rule:
 * - integrity — what is written must be true and must resolve (a reference leads somewhere, a reported
 *   statement cites its source, an id is unique). Always an error: the site would show something wrong.
 * - completeness — every guideline is covered everywhere (each chapter has a clause and a mapping, each
 *   FAQ answer and checklist item speaks for each guideline). An error for a complete guideline, a
 *   warning while a guideline is `status: draft` in guidelines.yml, so one can be added step by step.
 * - advice — text the site shows as typed though it looks like markup: harmless to readers, a warning.
 * - coverage — how far the crosswalk to a reference framework reaches: always a warning, since a unit
 *   or item without a counterpart is a gap in our reading, not something wrong on a page.
 */
import { t } from '../wording/index.ts';

export type Severity = 'error' | 'warning';
export type RuleKind = 'integrity' | 'completeness' | 'coverage' | 'advice';

interface RuleSpec {
  kind: RuleKind;
  description: string;
}

const integrity = (description: string): RuleSpec => ({ kind: 'integrity', description });
const completeness = (description: string): RuleSpec => ({ kind: 'completeness', description });
const coverage = (description: string): RuleSpec => ({ kind: 'coverage', description });
// Something the author likely did not mean, which harms no reader (the site shows it as typed).
const advice = (description: string): RuleSpec => ({ kind: 'advice', description });

export const rules = {
  // Files and their formats
  'not-utf8': integrity('content files are UTF-8 text'),
  'file-not-regular': integrity('a content file is a regular file (not a named pipe, device or folder)'),
  'file-too-large': integrity('a content file is at most 4 MB (judged by its size, before it is read)'),
  'nesting-too-deep': integrity(
    'Markdown and YAML nest at most 64 levels (lists, quotes, maps), and YAML aliases expand at most 100 times',
  ),
  'yaml-syntax': integrity('a YAML file parses'),
  'yaml-not-a-list': integrity('a YAML data file is a list of entries'),
  'entry-invalid': integrity('a YAML entry has the fields its schema asks for, each of the right form'),
  'entry-unknown-key': integrity('a YAML entry has no field its schema does not know (a typo would be ignored)'),
  'registry-missing': integrity('the content folder has guidelines.yml'),
  'stray-file': integrity('every file is part of the content model (anything else would be ignored)'),
  'stray-folder': integrity('every folder is part of the content model or a guideline of guidelines.yml'),
  'folder-unreadable': integrity('a content folder is a folder that can be read'),
  // Front matter and clause files
  'front-matter-missing': integrity('a Markdown content file starts with front matter'),
  'front-matter-yaml': integrity('front matter parses as YAML'),
  'front-matter-invalid': integrity('front matter has the fields its schema asks for, each of the right form'),
  'front-matter-unknown-key': integrity('front matter has no field the schema does not know'),
  'guideline-folder-mismatch': integrity("a file's guideline is the folder it is in"),
  'chapter-unknown': integrity("a file's chapter is in its guideline's table of contents"),
  'heading-level-1': integrity('clause files have no level-1 heading (the chapter comes from front matter)'),
  'text-outside-clause': integrity('no text stands before the first clause heading'),
  'note-heading-level': integrity('a note uses ### and deeper for its sub-headings'),
  'clause-heading-syntax': integrity('clause heading attributes {#id key=value} can be read'),
  'clause-heading-no-attributes': integrity('a clause heading ends with its attributes {#id …}'),
  'clause-heading-invalid': integrity('clause heading attributes are well-formed'),
  'clause-heading-unknown-attribute': integrity('a clause heading has no attribute the schema does not know'),
  'clause-heading-no-title': integrity('a clause heading has a title'),
  'clause-heading-html': integrity('a clause heading has no raw HTML (the site would show the tags as text)'),
  'clause-no-basis': integrity('every clause says where it comes from (basis)'),
  'body-empty': integrity('a clause or note has a body'),
  'body-too-long': integrity('a body is at most 100,000 characters'),
  'body-raw-html': integrity('bodies have no raw HTML (the site does not show it)'),
  'link-scheme': integrity('links go to https:// or http:// addresses or to paths on this site'),
  'plain-text-markup': advice(
    'FAQ, glossary and English-summary text is plain text: no HTML tags or Markdown links (the site would show them as typed)',
  ),
  'link-dead': integrity('a link to a page, clause or note of this site leads somewhere'),
  // Ids and references
  'guideline-duplicate': integrity('a guideline is listed once in guidelines.yml'),
  'chapter-duplicate': integrity("a guideline's chapters have distinct labels and slugs"),
  'section-unknown': integrity("a clause's section is in its chapter's table of contents"),
  'clause-id-duplicate': integrity('clause ids are unique'),
  'clause-id-prefix': integrity("a clause id starts with its guideline's key"),
  'english-unknown-clause': integrity("an English summary (english.yml) names a clause of its guideline's folder"),
  'english-duplicate': integrity('a clause has one English summary'),
  'former-id-in-use': integrity('a former id is not a clause id in use'),
  'former-id-duplicate': integrity('a former id is claimed by one clause or note only'),
  'note-id-duplicate': integrity('note ids are unique'),
  'note-relates-note': integrity('a note relates to official units, not to other notes'),
  'note-relates-unknown': integrity('a note relates to units that exist'),
  'source-id-duplicate': integrity('source ids are unique in sources.yml'),
  'source-unknown': integrity('a citation names a source listed in sources.yml'),
  'clause-cites-no-source': integrity('a reported clause cites at least one source'),
  'mapping-note': integrity('mappings connect official units, never practice notes'),
  'mapping-unknown-ref': integrity('a mapping names clauses or chapters that exist'),
  'mapping-mixed-levels': integrity('a mapping connects two clauses or two chapters'),
  'mapping-order': integrity('a mapping reads from the guideline listed earlier in guidelines.yml'),
  'glossary-id-duplicate': integrity('glossary ids are unique'),
  'glossary-unknown-ref': integrity('a glossary term refers to clauses and notes that exist'),
  'faq-id-duplicate': integrity('FAQ ids are unique'),
  'faq-unknown-ref': integrity('an FAQ answer cites clauses and notes that exist'),
  'checklist-duplicate': integrity('checklist category ids, levels and item ids are unique'),
  'checklist-level-order': integrity('checklist levels run 1, 2, 3 … in order'),
  'checklist-category-unknown': integrity('a checklist item names a category of categories.yml'),
  'checklist-item-id-prefix': integrity("a project item's id starts with kojo-<its category>-"),
  'checklist-unknown-ref': integrity('a checklist item links clauses and notes that exist'),
  'checklist-gap-unknown-guideline': integrity('a checklist item gives reasons (gaps) only for known guidelines'),
  'checklist-gap-contradicts': integrity("a checklist item does not both link a guideline's clause and say it cannot"),
  'checklist-guideline-unknown': integrity('an official checklist item names a known guideline'),
  // Reference frameworks and the crosswalk to them (content/reference/, mappings to their entries)
  'reference-entries-missing': integrity("a reference framework's entries file exists"),
  'reference-entry-duplicate': integrity("a reference framework's identifiers are unique"),
  'reference-entry-parent': integrity('reference entries are in official order, each after the entry it belongs to'),
  'mapping-reference-unknown': integrity("a mapping names a reference entry the framework's entries file lists"),
  'mapping-reference-level': integrity('a mapping names the finest reference entries (subcategory, SR), not a group'),
  'mapping-reference-side': integrity('a reference entry is mapped to from a unit or checklist item, never from'),
  'mapping-checklist-item': integrity('a checklist item is mapped to reference entries only'),
  'mapping-duplicate': integrity('a pair is mapped once'),
  // Official text written by kojo import
  'official-stray': integrity('official/ holds only what kojo import wrote'),
  'official-manifest-missing': integrity('an official/KEY folder has its import.yml'),
  'official-unlisted': integrity('every official unit file is listed in import.yml'),
  'official-missing-unit': integrity('every unit file import.yml lists exists'),
  'official-pages-beyond-pdf': integrity("an official unit's pages lie within the PDF"),
  'official-page-lines-outside': integrity("an official unit's pageLines name only pages of the unit"),
  'official-edition-mismatch': integrity('imported official text is of the edition guidelines.yml describes'),
  // Completeness: warnings for a draft guideline
  'chapter-no-clause': completeness('every chapter of a guideline has at least one clause'),
  'chapter-unmapped': completeness('every chapter has a chapter mapping or a no-counterpart entry'),
  'faq-missing-guideline': completeness('every FAQ answer cites a clause of each guideline'),
  'checklist-missing-guideline': completeness(
    'every project checklist item links a clause of each guideline, or says why not in gaps',
  ),
  // Coverage: always warnings
  'crosswalk-unmapped': coverage(
    'every unit of a chapter the crosswalk reaches, and every checklist item, has a mapping (or no-counterpart) to each reference framework',
  ),
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof rules;

/** A rule's severity for the guideline it is about: completeness is a warning while that one is a draft. */
export function severityOf(rule: RuleId, guideline?: { status?: string | undefined }): Severity {
  if (rules[rule].kind === 'coverage' || rules[rule].kind === 'advice') return 'warning';
  return rules[rule].kind === 'completeness' && guideline?.status === 'draft' ? 'warning' : 'error';
}

/** The registry as rows, in its order: what `kojo check --rules` prints. */
export function ruleList(): { rule: RuleId; kind: RuleKind; severity: string; description: string }[] {
  return Object.entries(rules).map(([rule, spec]) => ({
    rule: rule as RuleId,
    kind: spec.kind,
    severity:
      spec.kind === 'completeness'
        ? t('check.severity.completeness')
        : spec.kind === 'coverage' || spec.kind === 'advice'
          ? t('check.severity.coverage')
          : t('check.severity.integrity'),
    description: spec.description,
  }));
}
