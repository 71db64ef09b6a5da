/** /compare/mappings.csv — every mapping, NIST IR 8477 fields with titles beside ids, for Excel and other tools. */
import type { APIRoute } from 'astro';
import { mappingsFor } from '../../../indexer/corpus/index.ts';
import { refTitle } from '../../lib/compare.ts';
import { siteCorpus } from '../../lib/corpus.ts';
import { exportRows, toCsv } from '../../lib/mapping-export.ts';

export const GET: APIRoute = async () => {
  const corpus = await siteCorpus();
  return new Response(
    toCsv(exportRows(mappingsFor(corpus.mappings, corpus.guidelines, undefined)), (ref) => refTitle(corpus, ref)),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
