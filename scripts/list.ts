import { parseListingArgs } from './listing-args.ts';
import { clauseUrl, chapterName } from '../indexer/urls.ts';
import { loadValidContent } from './load-valid-content.ts';

export const usage = 'kojo list [--content DIR] [--json]   list every clause';

export async function run(argv: string[]): Promise<number> {
  const values = parseListingArgs(argv);
  const corpus = await loadValidContent(values.content);
  const rows = corpus.clauses.map((c) => ({
    id: c.id,
    guideline: c.guideline,
    chapter: c.chapter,
    section: c.section,
    title: c.title,
    basis: c.basis,
    verified: c.verified,
    url: clauseUrl(c),
  }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const r of rows) {
    process.stdout.write(`${r.id.padEnd(34)} ${r.guideline} ${chapterName(r.chapter).padEnd(6)} ${r.section.padEnd(10)} ${r.title} [${r.basis}${r.verified ? '' : ', unverified'}]\n`);
  }
  return 0;
}
