/**
 * Keyword mode's Pagefind records: one per clause, so Pagefind ranks clauses (not chapter pages whose
 * sub-results come back in reading order), each carrying what a result shows. The search page reads
 * only these in keyword mode, never the question engine's data.
 */
import { resultPlace, sectionLabel, type RelationshipCode } from '../../indexer/corpus/index.ts';
import { clauseRecords, type SearchData } from '../../indexer/index-format/index.ts';

/** A clause's counterpart as a keyword result shows it. */
export interface KeywordCounterpart {
  relationship: RelationshipCode;
  guideline: string;
  place: string;
  title: string;
  url: string;
}

/** What each record's `meta` holds (Pagefind keeps strings): the result's fields and its counterparts as JSON. */
export interface KeywordMeta {
  title: string;
  id: string;
  /** '' for a practice note. */
  guideline: string;
  chapter: string;
  section: string;
  place: string;
  basis: string;
  verified: 'true' | 'false';
  related: string;
  /** The clause text with its line breaks (Pagefind's `content` loses them), for snippets that keep list items apart. */
  body: string;
}

export interface KeywordRecord {
  url: string;
  content: string;
  language: 'ja';
  meta: KeywordMeta & Record<string, string>;
  /** A guideline's units by guideline, the practice notes by kind: the page's groups filter on these. */
  filters: { guideline: string[] } | { kind: ['note'] };
}

export function keywordRecords(data: SearchData): KeywordRecord[] {
  const labels = new Map(data.guidelines.map((g) => [g.key, g.label]));
  return clauseRecords(data).map((c) => {
    const related: KeywordCounterpart[] = c.related.map((other) => ({
      relationship: other.relationship,
      guideline: labels.get(other.guideline) ?? other.guideline,
      place: sectionLabel(other),
      title: other.title,
      url: other.url,
    }));
    return {
      url: c.url,
      // The title twice: Pagefind weighs it like body text, and a title names what a clause is about.
      content: `${c.title}\n${c.title}\n${c.text}`,
      language: 'ja',
      meta: {
        title: c.title,
        id: c.id,
        guideline: c.guideline ?? '',
        chapter: c.chapter,
        section: c.section,
        place: resultPlace(c),
        basis: c.basis,
        verified: c.verified ? 'true' : 'false',
        related: JSON.stringify(related),
        body: c.text,
      },
      filters: c.guideline === undefined ? { kind: ['note'] } : { guideline: [c.guideline] },
    };
  });
}
