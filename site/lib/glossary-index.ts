/**
 * The glossary's index by reading: terms spelled in letters go under their first letter (A–Z),
 * Japanese terms under the 五十音 row of their reading's first kana (あ行, か行 …), each group sorted.
 */
import type { GlossaryTerm } from '../../indexer/corpus/index.ts';

const rows = [
  ['あ', 'あいうえおぁぃぅぇぉゔ'],
  ['か', 'かきくけこがぎぐげご'],
  ['さ', 'さしすせそざじずぜぞ'],
  ['た', 'たちつてとだぢづでどっ'],
  ['な', 'なにぬねの'],
  ['は', 'はひふへほばびぶべぼぱぴぷぺぽ'],
  ['ま', 'まみむめも'],
  ['や', 'やゆよゃゅょ'],
  ['ら', 'らりるれろ'],
  ['わ', 'わをん'],
] as const;

export interface GlossaryGroup<T> {
  /** Anchor of the group's heading: `idx-a` (the letter A), `idx-a-row` (あ行), `idx-ka-row` (か行). */
  id: string;
  label: string;
  terms: T[];
}

const collator = new Intl.Collator('ja', { sensitivity: 'base', numeric: true });
const romaji: Record<string, string> = {
  あ: 'a',
  か: 'ka',
  さ: 'sa',
  た: 'ta',
  な: 'na',
  は: 'ha',
  ま: 'ma',
  や: 'ya',
  ら: 'ra',
  わ: 'wa',
};

/** Katakana → hiragana, so a reading in either script finds its row. */
const hiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

export function glossaryIndex<T extends Pick<GlossaryTerm, 'term' | 'reading'>>(
  terms: readonly T[],
): GlossaryGroup<T>[] {
  const groups = new Map<string, GlossaryGroup<T>>();
  const add = (id: string, label: string, t: T) => {
    if (!groups.has(id)) groups.set(id, { id, label, terms: [] });
    groups.get(id)!.terms.push(t);
  };
  for (const t of terms) {
    const name = t.term.normalize('NFKC');
    if (/^[A-Za-z0-9]/.test(name)) {
      const letter = /^[0-9]/.test(name) ? '0-9' : name[0]!.toUpperCase();
      add(`idx-${letter.toLowerCase()}`, letter, t);
      continue;
    }
    const first = hiragana((t.reading ?? name).normalize('NFKC'))[0] ?? '';
    const row = rows.find(([, kana]) => kana.includes(first));
    // Rows get ids of their own: あ行 as `idx-a` would merge with the letter A's group.
    if (row) add(`idx-${romaji[row[0]]}-row`, `${row[0]}行`, t);
    else add('idx-other', 'その他', t);
  }
  const order = (g: GlossaryGroup<T>) => (g.id === 'idx-other' ? 2 : /行$/.test(g.label) ? 1 : 0);
  const sortKey = (t: T) =>
    (/^[A-Za-z0-9]/.test(t.term.normalize('NFKC')) ? t.term : (t.reading ?? t.term)).normalize('NFKC');
  return [...groups.values()]
    .sort((a, b) => order(a) - order(b) || collator.compare(a.label, b.label))
    .map((g) => ({ ...g, terms: [...g.terms].sort((a, b) => collator.compare(sortKey(a), sortKey(b))) }));
}
