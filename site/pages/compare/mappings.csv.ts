/** /compare/mappings.csv — every mapping, NIST IR 8477 fields, for Excel and other tools. */
import type { APIRoute } from 'astro';
import { siteCorpus } from '../../lib/corpus.ts';
import { exportRows, toCsv } from '../../lib/mapping-export.ts';

export const GET: APIRoute = async () => {
  const { mappings } = await siteCorpus();
  return new Response(toCsv(exportRows(mappings)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
