/** /compare/mappings.json — every mapping as a JSON array, NIST IR 8477 fields. */
import type { APIRoute } from 'astro';
import { siteCorpus } from '../../lib/corpus.ts';
import { exportRows } from '../../lib/mapping-export.ts';

export const GET: APIRoute = async () => {
  const { mappings } = await siteCorpus();
  return new Response(`${JSON.stringify(exportRows(mappings), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
