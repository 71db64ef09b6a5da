import { checkCorpus } from '../indexer/check.ts';
import { loadContent, type Corpus } from '../indexer/content.ts';
import { formatProblem, sortProblems } from '../indexer/problems.ts';
import { UserError } from './cli-error.ts';

/** Commands other than `check` refuse to work on invalid content, pointing at the first problem. */
export async function loadValidContent(dir: string): Promise<Corpus> {
  const { corpus, problems } = await loadContent(dir);
  const all = sortProblems([...problems, ...checkCorpus(corpus)]);
  if (all.length) {
    throw new UserError(`content has ${all.length} problem(s); first: ${formatProblem(all[0]!)} (run kojo check)`);
  }
  return corpus;
}
