/**
 * The official units of a guideline (every chapter and every section of guidelines.yml, in order)
 * and how a printed heading or bookmark is recognised as one of them: by its number (`第3章`, `3.1`,
 * `ステップ1-1`, `付録A`, `コラム2`) and its title, tolerant of full/half width and spacing.
 */
import type { GuidelineMeta } from '../corpus/index.ts';
import { normalizeText } from '../text/index.ts';

export interface OfficialUnit {
  /** Position in guidelines.yml's table of contents. */
  index: number;
  chapter: string;
  /** The section label, or the chapter label for a chapter's own text. */
  section: string;
  /** The official title where guidelines.yml gives one. */
  title?: string;
  /** For a section: the index of its chapter's unit. */
  parent?: number;
}

export function officialUnits(guideline: GuidelineMeta): OfficialUnit[] {
  const units: OfficialUnit[] = [];
  for (const chapter of guideline.chapters) {
    const parent = units.length;
    units.push({ index: parent, chapter: chapter.label, section: chapter.label, title: chapter.title });
    for (const s of chapter.sections ?? []) {
      units.push({
        index: units.length,
        chapter: chapter.label,
        section: s.label,
        ...(s.title ? { title: s.title } : {}),
        parent,
      });
    }
  }
  return units;
}

/** Width, case, spacing and dash variants folded: `ステップ１－１` and `ステップ 1-1` read alike. */
export function fold(text: string): string {
  return normalizeText(text)
    .replace(/[‐‑‒–—―−ｰ－]/g, '-')
    .replace(/\s+/g, '');
}

/** Title comparison ignores punctuation too: `用語／略語` = `用語/略語` = `用語 略語`. */
function titleKey(text: string): string {
  return fold(text).replace(/[\p{P}\p{S}]/gu, '');
}

export interface ParsedHeading {
  /** The unit label the numbering names, folded (`ステップ1-1`, `付録a`, `3`, `3.1`), if any. */
  label?: string;
  /** Whether the label alone says what it is (ステップ, 付録, コラム, 第N章) rather than a bare number. */
  named: boolean;
  /** The heading text without its numbering. */
  title: string;
}

const named =
  /^(?:(ステップ|付録|コラム|appendix|column)\s*([0-9]+(?:\s*-\s*[0-9]+)?|[a-z])|第\s*([0-9]+)\s*章)(?![0-9a-z])/;
const numbered = /^([0-9]+(?:\.[0-9]+)*)(?:\.|章)?(?=\s|[^\x00-\x7F]|$)/;

/** Splits a heading into its numbering and title: `3.1.2 ステップ1-2 業務の整理` → ステップ1-2, 業務の整理. */
export function parseHeading(raw: string): ParsedHeading {
  let rest = normalizeText(raw)
    .replace(/[‐‑‒–—―−ｰ－]/g, '-')
    .trim();
  let label: string | undefined;
  let isNamed = false;
  // A decimal number may come first (`3.1 ステップ1`): the named label after it is the one that counts.
  const num = numbered.exec(rest);
  if (num) {
    label = num[1];
    rest = rest.slice(num[0].length).replace(/^[\s:：.、]+/, '');
  }
  // A named label may be decorated: 【コラム1】, ■付録A, (1) ステップ1-1.
  const bare = rest.replace(/^(?:[(（][0-9]{1,2}[)）]|[①-⑳])?[\s■□●○◆◇▼▽▶►【［[〈《「『]*/, '');
  const n = named.exec(rest) ?? named.exec(bare);
  if (n) {
    label = n[3] ?? `${{ appendix: '付録', column: 'コラム' }[n[1] as 'appendix'] ?? n[1]}${n[2]!.replace(/\s+/g, '')}`;
    isNamed = true;
    rest = (n.input === rest ? rest : bare).slice(n[0].length).replace(/^[\s:：.、】］\]〉》」』)）]+/, '');
  }
  return { ...(label ? { label: fold(label) } : {}), named: isNamed, title: titleOf(raw, rest) };
}

/** The title as printed (original widths kept), found by dropping as many leading characters as the numbering took. */
function titleOf(raw: string, rest: string): string {
  const text = raw.trim();
  const restKey = fold(rest);
  for (let i = 0; i <= text.length; i++)
    if (fold(text.slice(i)) === restKey)
      return text
        .slice(i)
        .replace(/^[\s:：.、]+/, '')
        .trim();
  return rest.trim();
}

/** Whether two titles name the same thing: equal, one containing most of the other, or most bigrams shared. */
export function similarTitles(a: string, b: string): boolean {
  return titleSimilarity(a, b) >= 0.7;
}

/** 1 for the same title; the share one covers of the other when it contains it (≥ 0.6 counts as 0.7); else shared bigrams (Dice). */
export function titleSimilarity(a: string, b: string): number {
  const x = titleKey(a);
  const y = titleKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const covered = long.includes(short) ? short.length / long.length : 0;
  return Math.max(dice(x, y), covered >= 0.6 ? Math.max(0.7, covered) : 0);
}

function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total ? (2 * shared) / total : 0;
}

/**
 * The unit a heading names, or undefined. A named label (`ステップ1-1`, `付録A`) is enough when the
 * printed title does not contradict the official one; a bare number (`1`) also needs the title; a
 * heading without a number matches a unit by its title alone.
 */
export function matchUnit(heading: ParsedHeading, units: OfficialUnit[]): OfficialUnit | undefined {
  if (heading.label) {
    const unit = units.find((u) => fold(u.section) === heading.label);
    if (!unit) return undefined;
    if (unit.title && heading.title) return similarTitles(unit.title, heading.title) ? unit : undefined;
    return heading.named ? unit : undefined;
  }
  return heading.title ? units.find((u) => u.title !== undefined && similarTitles(u.title, heading.title)) : undefined;
}
