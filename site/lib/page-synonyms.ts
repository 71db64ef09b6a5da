/**
 * The glossary's synonym groups as /search/ carries them (`data-synonyms` on the results): one line
 * per term, its id and its normalised forms separated by tabs. Written by search.astro, read by the
 * page's script; a compact form, as JSON in an attribute would spend a quarter of the page on `&quot;`.
 */
import type { SynonymGroup } from '../../indexer/text/index.ts';

export const encodeSynonyms = (groups: readonly SynonymGroup[]): string =>
  groups.map((g) => [g.id, ...g.forms].join('\t')).join('\n');

export function decodeSynonyms(text: string | undefined): SynonymGroup[] {
  if (!text) return [];
  return text.split('\n').map((line) => {
    const [id = '', ...forms] = line.split('\t');
    return { id, forms };
  });
}
