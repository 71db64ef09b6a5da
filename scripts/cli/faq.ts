/**
 * The FAQ entry a question asks, for `kojo ask`: the content's FAQ matched by the function the
 * search page uses (indexer/search/faq.ts), with the index's glossary synonyms. Only content/faq/ is
 * read, not the whole content (validating all of it would cost `ask` seconds); an unreadable or
 * invalid FAQ file gives no entry, as `kojo check` is where content is judged.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { faqEntryUrl, FaqItem } from '../../indexer/corpus/index.ts';
import { readYamlList } from '../../indexer/corpus/node.ts';
import { faqIndex, matchFaq } from '../../indexer/search/index.ts';
import type { SynonymGroup } from '../../indexer/text/index.ts';

export interface FaqAnswer {
  id: string;
  question: string;
  answer: string;
  /** The entry on the site's FAQ page (absolute under --base-url). */
  url: string;
  /** How closely the question matches the entry's (0–1; an entry is shown from FAQ_THRESHOLD). */
  score: number;
}

async function readFaq(contentDir: string): Promise<FaqItem[]> {
  const folder = join(contentDir, 'faq');
  const names = await readdir(folder).catch(() => [] as string[]);
  const lists = await Promise.all(
    names
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => readYamlList(join(folder, n), n, FaqItem).catch(() => ({ items: [] }))),
  );
  return lists.flatMap((l) => l.items.map((i) => i.value as FaqItem));
}

/** The entry the question asks, if any, read from `contentDir`. */
export async function faqFor(
  contentDir: string,
  synonyms: SynonymGroup[],
  question: string,
): Promise<FaqAnswer | null> {
  const entries = await readFaq(contentDir);
  if (!entries.length) return null;
  const match = matchFaq(faqIndex(entries, synonyms), question);
  const entry = match && entries.find((e) => e.id === match.id);
  return entry
    ? { id: entry.id, question: entry.question, answer: entry.answer, url: faqEntryUrl(entry.id), score: match.score }
    : null;
}
