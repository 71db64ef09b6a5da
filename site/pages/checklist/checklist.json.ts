/**
 * /checklist/checklist.json — the checklist as the assessment page reads it (categories, levels, items
 * with their clause links): the same data `kojo checklist --json` prints.
 */
import type { APIRoute } from 'astro';
import { checklistData } from '../../../indexer/assessment/index.ts';
import { siteCorpus } from '../../lib/corpus.ts';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(checklistData(await siteCorpus()))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
