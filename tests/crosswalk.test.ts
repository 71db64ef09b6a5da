/**
 * Reference frameworks and the crosswalk as data: the fixture's two frameworks (keys `fw`, `sr`, which
 * no code names) load from their entries files, and kojo check holds the mappings to them.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../indexer/corpus/node.ts';
import { contentTree, crosswalkContent } from './helpers/fixture.ts';
import { problemsOf } from './helpers/problems.ts';

const tree = (edits: Record<string, (s: string) => string>) => contentTree(edits, crosswalkContent);

describe('reference frameworks', () => {
  it('are in the registry beside the guidelines, not among them', async () => {
    const { corpus } = await loadContent(crosswalkContent);
    expect(corpus.guidelines.keys).toEqual(['meti', 'gutp']);
    expect(corpus.guidelines.references.map((g) => g.key)).toEqual(['fw', 'sr']);
    expect(corpus.guidelines.all.map((g) => g.key)).toEqual(['meti', 'gutp', 'fw', 'sr']);
    expect(corpus.guidelines.crosswalks().map(([a, b]) => `${a.key}-${b.key}`)).toEqual([
      'meti-fw',
      'meti-sr',
      'gutp-fw',
      'gutp-sr',
    ]);
  });

  it('take their hierarchy from the identifiers: functions are chapters, each entry a clause', async () => {
    const { corpus } = await loadContent(crosswalkContent);
    const fw = corpus.guidelines.get('fw')!;
    expect(fw.chapters.map((c) => [c.label, c.slug, c.title])).toEqual([
      ['GV', 'gv', 'GOVERN'],
      ['ID', 'id', 'IDENTIFY'],
      ['PR', 'pr', 'PROTECT'],
    ]);
    const entries = corpus.clauses.filter((c) => c.guideline === 'fw');
    const byDepth = [0, 1, 2].map((d) => entries.filter((c) => c.reference?.depth === d).length);
    expect(byDepth).toEqual([3, 3, 5]);
    const am01 = corpus.clauses.find((c) => c.id === 'fw-id-am-01')!;
    expect(am01).toMatchObject({
      basis: 'reference',
      chapter: 'ID',
      section: 'ID.AM-01',
      url: '/fw/id/#fw-id-am-01',
      reference: { id: 'ID.AM-01', parent: 'fw-id-am', depth: 2, leaf: true, url: 'https://example.org/fw/id-am-01' },
    });
    // No official name for a subcategory: its title is its identifier, never a borrowed sentence.
    expect(am01.title).toBe('ID.AM-01');
    expect(am01.reference?.name).toBeUndefined();
    const sr51 = corpus.clauses.find((c) => c.id === 'sr-sr-5-1')!;
    expect(sr51.reference).toMatchObject({ id: 'SR 5.1', name: 'Network segmentation', parent: 'sr-fr-5' });
    expect(corpus.clauses.find((c) => c.id === 'sr-fr-5')?.reference?.leaf).toBe(false);
  });

  it('pass kojo check with their crosswalk', async () => {
    expect(await problemsOf(crosswalkContent)).toEqual([]);
  });

  it('report an identifier listed twice', async () => {
    const dir = tree({ 'reference/fw.yml': (s) => `${s}- { id: ID.AM-02, en: again, ja: 再び }\n` });
    expect(await problemsOf(dir)).toEqual(['reference/fw.yml:12 reference-entry-duplicate']);
  });

  it('report an entry out of order (under an entry it does not belong to)', async () => {
    const dir = tree({ 'reference/sr.yml': (s) => s.replace('SR 5.1', 'SR 4.1').replace('sr-sr-5-1', 'sr-sr-4-1') });
    expect(await problemsOf(dir)).toContain('reference/sr.yml:5 reference-entry-parent');
  });

  it('report a missing entries file once, not every mapping to it', async () => {
    const dir = tree({});
    rmSync(join(dir, 'reference', 'sr.yml'));
    expect(await problemsOf(dir)).toEqual(['guidelines.yml:1 reference-entries-missing']);
  });

  it('refuse a chapters list on a reference framework (its chapters come from its entries)', async () => {
    const dir = tree({
      'guidelines.yml': (s) => s.replace('  entries: reference/sr.yml', '  entries: reference/sr.yml\n  chapters: []'),
    });
    expect(await problemsOf(dir)).toEqual(['guidelines.yml:50 entry-unknown-key']);
  });
});

describe('the crosswalk in kojo check', () => {
  it('reports an invented reference id', async () => {
    const dir = tree({ 'mappings/fw.yml': (s) => s.replace('to: fw-id-am-01', 'to: fw-id-am-09') });
    expect(await problemsOf(dir)).toEqual(['mappings/fw.yml:4 mapping-reference-unknown']);
  });

  it('reports a mapping to a group of entries (a category) instead of its subcategories', async () => {
    const dir = tree({ 'mappings/sr.yml': (s) => s.replace('to: sr-sr-5-1', 'to: sr-fr-5') });
    expect(await problemsOf(dir)).toEqual(['mappings/sr.yml:3 mapping-reference-level']);
  });

  it('reports a pair mapped twice', async () => {
    const dir = tree({
      'mappings/fw.yml': (s) =>
        `${s}- { from: meti-1-eol, to: fw-pr-ir-01, relationship: equal, rationaleType: semantic, confidence: inferred, rationale: 二度目。 }\n`,
    });
    expect(await problemsOf(dir)).toEqual(['mappings/fw.yml:10 mapping-duplicate']);
  });

  it('reports a checklist item mapped to a guideline clause, and a mapping from a reference entry', async () => {
    const dir = tree({
      'mappings/fw.yml': (s) =>
        `${s}- { from: kojo-tech-01, to: gutp-1-eol, relationship: equal, rationaleType: semantic, confidence: inferred, rationale: 誤り。 }\n` +
        `- { from: fw-pr-ir-01, to: sr-sr-5-1, relationship: equal, rationaleType: semantic, confidence: inferred, rationale: 誤り。 }\n`,
    });
    expect(await problemsOf(dir)).toEqual([
      'mappings/fw.yml:10 mapping-checklist-item',
      'mappings/fw.yml:11 mapping-reference-side',
    ]);
  });

  it('warns (never fails) where a unit of a mapped chapter or a checklist item has no mapping to a framework', async () => {
    const dir = tree({
      'mappings/fw.yml': (s) =>
        s
          .split('\n')
          .filter((l) => !l.includes('from: meti-3-step2-2') && !l.includes('from: kojo-tech-01'))
          .join('\n'),
    });
    const { problems } = await (await import('../indexer/corpus/node.ts')).checkContent(dir);
    expect(problems.map((p) => [p.rule, p.severity, p.message.split(' ')[0] ?? ''])).toEqual([
      ['crosswalk-unmapped', 'warning', 'checklist'],
      ['crosswalk-unmapped', 'warning', 'meti-3-step2-2'],
    ]);
  });
});
