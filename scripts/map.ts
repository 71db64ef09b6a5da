import { parseListingArgs } from './listing-args.ts';
import { loadValidContent } from './load-valid-content.ts';

export const usage = 'kojo map [--content DIR] [--json]   list every mapping between the guidelines';

export async function run(argv: string[]): Promise<number> {
  const values = parseListingArgs(argv);
  const corpus = await loadValidContent(values.content);
  const rows = corpus.mappings.map(({ from, to, level, relationship, rationaleType, confidence, rationale }) => ({
    from,
    to,
    level,
    relationship,
    rationaleType,
    confidence,
    rationale,
  }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const r of rows) {
    process.stdout.write(`[${r.level}] ${r.from} ${r.relationship} ${r.to ?? '—'} (${r.rationaleType}, ${r.confidence}): ${r.rationale}\n`);
  }
  return 0;
}
