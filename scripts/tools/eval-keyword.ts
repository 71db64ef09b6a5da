import type { EvalQuestion } from '../../indexer/search/index.ts';
export async function keywordRows(_site: string, _keys: readonly string[], _questions: EvalQuestion[]): Promise<string[]> {
  return [];
}
