/** /compare/mappings.json — every mapping as a JSON array, NIST IR 8477 fields. */
import type { APIRoute } from 'astro';
import { mappingsFor } from '../../../indexer/corpus/index.ts';
import { siteCorpus } from '../../lib/corpus.ts';
import { exportRows } from '../../lib/mapping-export.ts';

export const GET: APIRoute = async () => {
  const corpus = await siteCorpus();
  // Between guidelines; the crosswalk to reference frameworks is in /downloads/ (crosswalk-KEY-ir8477.csv).
  const mappings = mappingsFor(corpus.mappings, corpus.guidelines, undefined);
  return new Response(`${JSON.stringify(exportRows(mappings), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
