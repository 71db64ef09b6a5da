/**
 * What a built site may carry of the guidelines' own text. A guideline's imported official text is
 * published only when guidelines.yml marks it publishable (METI: Government Standard Terms of Use) or
 * the builder names it explicitly (a private intranet copy of text the WG owns). The CLI, working on
 * the user's own machine, reads everything imported.
 */
import { KojoError } from '../errors/index.ts';
import type { Corpus } from './corpus.ts';

export function publishedCorpus<C extends Pick<Corpus, 'guidelines' | 'clauses' | 'imports' | 'checklist'>>(
  corpus: C,
  include: readonly string[],
): C {
  const allowed = (key: string) => include.includes(key) || corpus.guidelines.get(key)?.official.publishable === true;
  const { checklist } = corpus;
  // Official checklist items follow their guideline's licence; without them, the project's items return.
  const items = checklist.items.filter((i) => i.basis !== 'official' || allowed(i.guideline));
  const kept =
    items.length || !checklist.replaced.length
      ? { items, replaced: checklist.replaced }
      : { items: checklist.replaced, replaced: [] };
  return {
    ...corpus,
    clauses: corpus.clauses.filter((c) => c.basis !== 'official' || allowed(c.guideline)),
    imports: corpus.imports.filter((i) => allowed(i.guideline)),
    checklist: { ...checklist, ...kept },
  };
}

/** `--include-official gutp,ipa` as a list (the flag's value and the site's define share it). */
export function includeList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Refuses an `--include-official` key that names no guideline, before anything is built or written. */
export function assertIncludable(guidelines: Corpus['guidelines'], include: readonly string[]): void {
  for (const key of include)
    if (!guidelines.has(key))
      throw new KojoError(
        'usage',
        `--include-official: unknown guideline "${key}" (known: ${guidelines.keys.join(', ')})`,
      );
}
