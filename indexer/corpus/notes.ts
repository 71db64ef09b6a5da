/**
 * Practice notes seen from the units: which notes attach to a unit, and where an id a note had as a
 * clause (`meti-note-eol-os`) now lives. Links written against the old ids (checklists, bookmarks)
 * resolve through `formerIdMap`.
 */
import type { Note } from './schema/index.ts';

/**
 * Old clause id → its id now, from every note's and clause's `formerIds` (a note that was two
 * clauses, clauses merged into one): the stable map links and redirects resolve through.
 */
export function formerIdMap(items: readonly { id: string; formerIds: readonly string[] }[]): Record<string, string> {
  return Object.fromEntries(items.flatMap((n) => n.formerIds.map((old) => [old, n.id] as const)));
}

/** An id as it is now: a note's former id becomes the note's id; anything else is itself. */
export function currentId(id: string, formerIds: Record<string, string>): string {
  return formerIds[id] ?? id;
}

/** Unit id → the notes that relate to it, in note order. */
export function notesByUnit<N extends Pick<Note, 'relates'>>(notes: readonly N[]): Map<string, N[]> {
  const out = new Map<string, N[]>();
  for (const n of notes) for (const unit of n.relates) out.set(unit, [...(out.get(unit) ?? []), n]);
  return out;
}
