/**
 * Identifiers the exports give to what they describe. UUIDs are version 5 (name-based): the same
 * guideline, unit, mapping or answer gets the same UUID on every run and on every machine, so a GRC
 * tool that imports a newer export recognises what it already holds. URNs use the project's own
 * packager name, never another tool's.
 */
import { v5 } from 'uuid';

/** v5('https://github.com/kojo-guide/kojo-guide', URL namespace): the namespace of every kojo UUID. */
const KOJO_NAMESPACE = '20504783-a29a-5882-9d55-709c36b00742';

/** A UUID for a subject (`unit:meti-3-step2-2`): fixed for that subject whatever its content. */
export function stableUuid(...name: string[]): string {
  return v5(name.join(':'), KOJO_NAMESPACE);
}

/** A UUID for a document that changes when its content does (OSCAL: "changed when revised"). */
export function contentUuid(kind: string, content: unknown): string {
  return stableUuid(kind, JSON.stringify(content));
}

/** The packager name in URNs and the namespace of OSCAL properties of our own. */
export const PACKAGER = 'kojo-guide';
export const OSCAL_NS = `urn:${PACKAGER}:oscal`;

/** `urn:kojo-guide:risk:framework:meti`: CISO Assistant's URN layout, under our packager. */
export function urn(kind: 'library' | 'framework' | 'req_node' | 'req_mapping_set', ...path: string[]): string {
  return `urn:${PACKAGER}:risk:${kind}:${path.join(':')}`.toLowerCase();
}
