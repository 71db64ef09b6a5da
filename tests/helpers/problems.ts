import { relative, resolve } from 'node:path';
import type { Problem } from '../../indexer/corpus/index.ts';
import { checkContent } from '../../indexer/corpus/node.ts';

/** A problem as tests name it: where (relative to the content tree) and which rule, never its wording. */
export const ruleAt = (dir: string, p: Problem): string => `${relative(dir, resolve(p.file))}:${p.line} ${p.rule}`;

/** `kojo check`'s problems of a content tree, each as `file:line rule-id` (warnings too). */
export async function problemsOf(dir: string): Promise<string[]> {
  const { problems } = await checkContent(dir);
  return problems.map((p) => ruleAt(dir, p));
}
