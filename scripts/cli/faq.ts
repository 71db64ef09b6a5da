/**
 * The FAQ entry a question asks, for `kojo ask`: the index's FAQ entries (written by build-index, so a
 * question parses no YAML) matched by the function the search page uses (indexer/search/faq.ts), with
 * the index's glossary synonyms. The entries are prepared once per opened index, so a batch session
 * (`kojo ask -`) matches each question without redoing it.
 */
import { faqEntryUrl } from '../../indexer/corpus/index.ts';
import type { FaqRecord, IndexFolder } from '../../indexer/index-format/node.ts';
import { faqIndex, matchFaq, type FaqIndex } from '../../indexer/search/index.ts';
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

const prepared = new WeakMap<IndexFolder, Promise<{ entries: FaqRecord[]; index: FaqIndex }>>();

function faqOf(folder: IndexFolder, synonyms: SynonymGroup[]) {
  let ready = prepared.get(folder);
  if (!ready) {
    ready = folder.faq().then((entries) => ({ entries, index: faqIndex(entries, synonyms) }));
    prepared.set(folder, ready);
  }
  return ready;
}

/** The entry the question asks, if any, from the index in `folder`. */
export async function faqFor(
  folder: IndexFolder,
  synonyms: SynonymGroup[],
  question: string,
): Promise<FaqAnswer | null> {
  const { entries, index } = await faqOf(folder, synonyms);
  if (!entries.length) return null;
  const match = matchFaq(index, question);
  const entry = match && entries.find((e) => e.id === match.id);
  return entry
    ? { id: entry.id, question: entry.question, answer: entry.answer, url: faqEntryUrl(entry.id), score: match.score }
    : null;
}
