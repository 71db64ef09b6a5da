/**
 * `kojo suggest-mappings KEY --to OTHER`: candidate mappings between two guidelines' units, ranked by
 * the search's own similarity, written as a review file under content/mappings/suggested/ — which the
 * corpus never reads as mappings. `kojo suggest-mappings --accept FILE` moves the candidates a person
 * marked `accept: true`, with a relationship and a rationale of their own, into content/mappings/KEY.yml.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, Document } from 'yaml';
import { MappingEntry, relationships, SUGGESTED_MAPPINGS_DIR } from '../../indexer/corpus/index.ts';
import { loadValidContent } from '../../indexer/corpus/node.ts';
import { KojoError, osError } from '../../indexer/errors/index.ts';
import { type SuggestedMapping, suggestMappings } from '../../indexer/search/index.ts';
import { t } from '../../indexer/wording/index.ts';
import { defineCommand } from '../cli/command.ts';
import { writeAtomically } from './import-new.ts';
import { contentOption, jsonOption } from './shared.ts';

export default defineCommand({
  name: 'suggest-mappings',
  operands: 'KEY',
  description: t('suggest.help'),
  options: {
    to: { type: 'string', value: 'OTHER', description: t('suggest.option.to') },
    'min-confidence': { type: 'string', value: 'X', default: '0.1', description: t('suggest.option.min') },
    top: { type: 'integer', min: 1, max: 20, default: 3, description: t('suggest.option.top') },
    out: { type: 'string', value: 'FILE', description: t('suggest.option.out') },
    accept: { type: 'string', value: 'FILE', description: t('suggest.option.accept') },
    content: contentOption,
    json: jsonOption,
  },
  async run({ to, 'min-confidence': min, top, out, accept, content, json }, operands) {
    if (accept !== undefined) {
      if (operands.length) throw new KojoError('usage', t('suggest.acceptAlone'));
      return acceptFile(accept, content);
    }
    if (operands.length !== 1) throw new KojoError('usage', t('suggest.oneKey'));
    const key = operands[0]!;
    const minScore = Number(min);
    if (!(minScore >= 0 && minScore <= 1)) throw new KojoError('usage', t('suggest.badMin', { got: min }));
    const corpus = await loadValidContent(content);
    const known = corpus.guidelines.keys.join(', ');
    if (!corpus.guidelines.has(key)) throw new KojoError('usage', t('cli.error.unknownGuideline', { key, known }));
    if (!to) throw new KojoError('usage', t('suggest.noTo', { known }));
    if (!corpus.guidelines.has(to) || to === key) throw new KojoError('usage', t('suggest.badTo', { to, known }));
    const candidates = await suggestMappings(corpus, key, to, { minScore, perUnit: top });
    const path = out ?? join(content, SUGGESTED_MAPPINGS_DIR, `${key}--${to}.yml`);
    await refuseReviewed(path);
    await mkdir(dirname(path), { recursive: true });
    await writeAtomically(path, reviewFile(key, to, candidates));
    if (json) process.stdout.write(`${JSON.stringify(candidates, null, 2)}\n`);
    else {
      for (const c of candidates)
        process.stdout.write(`${c.from} → ${c.to}  ${c.score.toFixed(3)}  ${c.evidence.sharedTerms.join(' ')}\n`);
    }
    process.stderr.write(`${t('suggest.written', { count: candidates.length, path })}\n`);
    return 0;
  },
});

/** A review file holding a person's marks (accept: true, a rationale) is never overwritten: nothing lost. */
async function refuseReviewed(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const lineCounter = new LineCounter();
  const doc = parseDocument(await readFile(path, 'utf8'), { lineCounter });
  if (!isSeq(doc.contents)) return;
  for (const item of doc.contents.items) {
    const c = (isMap(item) ? item.toJSON() : {}) as Record<string, unknown>;
    if (c.accept === true || (typeof c.rationale === 'string' && c.rationale.trim())) {
      const line = lineCounter.linePos(item.range?.[0] ?? 0).line;
      throw new KojoError('usage', t('suggest.reviewed', { where: `${path}:${line}` }));
    }
  }
}

/** The review file: each candidate with its evidence, `confidence: suggested`, and the fields a reviewer fills in. */
function reviewFile(key: string, to: string, candidates: SuggestedMapping[]): string {
  const rows = candidates.map((c) => ({
    from: c.from,
    to: c.to,
    score: c.score,
    confidence: 'suggested',
    accept: false,
    relationship: null,
    rationaleType: 'semantic',
    rationale: null,
    evidence: c.evidence,
  }));
  const doc = new Document(rows, { aliasDuplicateObjects: false });
  return `${t('suggest.fileHeader', { key, to, relationships: relationships.join(' | ') })}\n${rows.length ? doc.toString({ lineWidth: 0 }) : '[]\n'}`;
}

/**
 * Moves the accepted candidates of a review file into content/mappings/KEY.yml (appended, read from the
 * earlier guideline of the registry to the later one) and out of the review file. A candidate marked
 * accepted without a relationship or a rationale is refused, one line each naming its file:line.
 */
async function acceptFile(file: string, content: string): Promise<number> {
  const source = await readFile(file, 'utf8').catch((error: unknown) => {
    throw osError(error, 'read', file, { code: 'usage' });
  });
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length || !isSeq(doc.contents))
    throw new KojoError(
      'usage',
      t('suggest.notReview', { file, line: doc.errors[0] ? lineCounter.linePos(doc.errors[0].pos[0]).line : 1 }),
    );
  const corpus = await loadValidContent(content);
  const order = corpus.guidelines.keys;
  const guidelineOf = (id: string) => corpus.clauses.find((c) => c.id === id)?.guideline;
  const accepted: MappingEntry[] = [];
  const keep: unknown[] = [];
  const refusals: string[] = [];
  let owner: string | undefined;
  for (const item of doc.contents.items) {
    const line = lineCounter.linePos(item.range?.[0] ?? 0).line;
    const c = (isMap(item) ? item.toJSON() : {}) as Record<string, unknown>;
    if (c.accept !== true) {
      keep.push(item);
      continue;
    }
    const where = `${file}:${line}`;
    const [from, to] = [String(c.from ?? ''), String(c.to ?? '')];
    const [gf, gt] = [guidelineOf(from), guidelineOf(to)];
    const missing = [
      !relationships.includes(c.relationship as never) && t('suggest.needsRelationship', { relationships }),
      !(typeof c.rationale === 'string' && c.rationale.trim()) && t('suggest.needsRationale'),
    ].filter(Boolean);
    if (!gf || !gt) refusals.push(t('suggest.refuseUnknown', { where, id: gf ? to : from }));
    else if (missing.length)
      refusals.push(t('suggest.refuse', { where, from, to, missing: missing.join(t('suggest.and')) }));
    else {
      // A mapping reads from the guideline listed earlier (content/README.md): turn it round if needed.
      const flip = order.indexOf(gf) > order.indexOf(gt);
      const relationship = flip ? flipped(c.relationship as MappingEntry['relationship']) : c.relationship;
      accepted.push(
        MappingEntry.parse({
          from: flip ? to : from,
          to: flip ? from : to,
          relationship,
          rationaleType: ['syntactic', 'semantic', 'functional'].includes(c.rationaleType as string)
            ? c.rationaleType
            : 'semantic',
          confidence: c.confidence === 'stated' ? 'stated' : 'inferred',
          rationale: (c.rationale as string).trim(),
        }),
      );
      owner ??= order.indexOf(gf) > order.indexOf(gt) ? gf : gt;
      continue;
    }
    keep.push(item);
  }
  for (const r of refusals) process.stderr.write(`kojo: ${r}\n`);
  if (accepted.length && owner) {
    const target = join(content, 'mappings', `${owner}.yml`);
    const before = existsSync(target) ? await readFile(target, 'utf8') : t('suggest.mappingsHeader', { key: owner });
    const block = new Document(accepted, { aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
    await writeAtomically(target, `${before.replace(/\s*$/, '\n')}\n${block}`);
    doc.contents.items = keep as typeof doc.contents.items;
    await writeAtomically(file, doc.toString({ lineWidth: 0 }));
    process.stderr.write(`${t('suggest.accepted', { count: accepted.length, target, file: basename(file) })}\n`);
  } else if (!refusals.length) process.stderr.write(`${t('suggest.noneAccepted', { file })}\n`);
  return refusals.length ? 1 : 0;
}

/** The same relation read the other way round. */
function flipped(r: MappingEntry['relationship']): MappingEntry['relationship'] {
  return r === 'subset-of' ? 'superset-of' : r === 'superset-of' ? 'subset-of' : r;
}
