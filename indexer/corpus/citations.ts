/**
 * Citations in a body: `[^S4]` right after the statement it backs, as many as the statement needs
 * (`[^S4][^S6]`). Markdown without footnotes reads the marker as plain text, so the parser keeps it
 * in the text nodes; this finds them (with their lines), and takes them out of the searchable text.
 * The site renders each as a footnote-style link to /sources/.
 */
import type { Nodes } from 'mdast';
import type { Citation } from './schema/index.ts';

/** One marker; the id is checked against content/sources.yml by `kojo check`, not here. */
export const citationMarker = /\[\^([A-Za-z0-9]+)\]/g;

export function citationsIn(nodes: Nodes[]): Citation[] {
  const out: Citation[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') {
      const start = node.position?.start.line ?? 1;
      for (const m of node.value.matchAll(citationMarker)) {
        out.push({ id: m[1]!, line: start + (node.value.slice(0, m.index).match(/\n/g)?.length ?? 0) });
      }
    } else if ('children' in node) node.children.forEach((c) => walk(c as Nodes));
  };
  nodes.forEach(walk);
  return out;
}

/** Distinct ids in order of first citation. */
export function citedIds(citations: Citation[]): string[] {
  return [...new Set(citations.map((c) => c.id))];
}

/** Text without its markers, for search and snippets. */
export function withoutCitations(text: string): string {
  return text.replace(citationMarker, '');
}
