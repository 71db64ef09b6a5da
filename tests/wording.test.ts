import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../indexer/wording/index.ts';
import { ja } from '../indexer/wording/ja.ts';
import { checklistExport } from '../indexer/wording/ja/checklist-export.ts';
import { checklistPage } from '../indexer/wording/ja/checklist-page.ts';
import { checklistStorage } from '../indexer/wording/ja/checklist-storage.ts';
import { exportFiles } from '../indexer/wording/ja/export-files.ts';
import { permalink } from '../indexer/wording/ja/permalink.ts';
import { searchKeyword } from '../indexer/wording/ja/search-keyword.ts';
import { searchPage } from '../indexer/wording/ja/search-page.ts';
import { searchOpen } from '../indexer/wording/ja/search-open.ts';
import { searchQuestion } from '../indexer/wording/ja/search-question.ts';

describe('the wording', () => {
  it('gives plain entries as they are and fills the others with their values', () => {
    expect(t('checklist.report.overall')).toBe('全体');
    expect(t('checklist.report.gaps', { count: 3 })).toBe('## 目標レベル未満の項目（3件）');
    expect(t('cli.error.integer', { name: 'k', min: 1, max: 50, got: '0x5' })).toBe(
      '--k must be a whole number from 1 to 50 (got "0x5")',
    );
  });

  it('turns a key that does not exist, or an entry without its values, into a type error', () => {
    // These lines are checked by `npm run typecheck`: it fails if either stops being an error.
    // @ts-expect-error no such key
    expect(t('checklist.no-such-key')).toBeUndefined();
    // @ts-expect-error the entry needs { count }
    expect(() => t('checklist.report.gaps')).toThrow(TypeError);
  });

  it('can be read by the site: no Node imports in the room', () => {
    const dir = join(import.meta.dirname, '..', 'indexer', 'wording');
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) expect(readFileSync(join(entry.parentPath, entry.name), 'utf8')).not.toMatch(/from 'node:/);
    }
  });

  it("gives each page's browser script its own part of the wording, never the whole dictionary", () => {
    // A page's script bundles what it imports: the whole dictionary would cost /search/ about 15 kB gzipped.
    const root = join(import.meta.dirname, '..');
    const scripts = ['site/browser', 'indexer/search'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts'))
        .map((e) => relative(root, join(e.parentPath, e.name))),
    );
    const whole = scripts.filter((file) => /wording\/(index|ja)\.ts'/.test(readFileSync(join(root, file), 'utf8')));
    expect(whole).toEqual([]);
    // Each part is the dictionary's own entries, composed into it once (a key in two places is a type error).
    expect(t('search.status.idle')).toBe(searchPage['search.status.idle']);
    expect(t('search.pointer')).toBe(searchQuestion['search.pointer']);
    expect(t('search.keyword.more', { count: 2 })).toBe(searchKeyword['search.keyword.more']({ count: 2 }));
    expect(t('checklist.page.undone')).toBe(checklistPage['checklist.page.undone']);
    expect(t('checklist.export.none')).toBe(checklistExport['checklist.export.none']);
    expect(t('checklist.storage.newer')).toBe(checklistStorage['checklist.storage.newer']);
    expect(t('search.open.hnswUnreadable')).toBe(searchOpen['search.open.hnswUnreadable']);
    expect(t('export.ir8477.title')).toBe(exportFiles['export.ir8477.title']);
    expect(t('permalink.copied', { url: 'u' })).toBe(permalink['permalink.copied']({ url: 'u' }));
  });

  it('has an entry for every key the code reads, and every entry is read somewhere', () => {
    const root = join(import.meta.dirname, '..');
    // Every call is t('literal.key' …): a key built at run time would escape this scan and the type check.
    const used = new Map<string, string>();
    const dynamic: string[] = [];
    for (const top of ['indexer', 'scripts', 'site']) {
      for (const entry of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(ts|astro)$/.test(entry.name)) continue;
        const path = join(entry.parentPath, entry.name);
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\bt\(\s*(['"`])([^'"`]*)\1/g)) used.set(m[2]!, relative(root, path));
        for (const m of text.matchAll(/\bt\(\s*(?!['"`)])/g)) dynamic.push(`${relative(root, path)}:${m.index}`);
      }
    }
    expect(dynamic).toEqual([]);
    const known = new Set(Object.keys(ja));
    expect([...used].filter(([key]) => !known.has(key))).toEqual([]);
    expect([...known].filter((key) => !used.has(key))).toEqual([]);
  });
});
