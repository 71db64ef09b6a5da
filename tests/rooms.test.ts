/**
 * The rooms of indexer/ as the handbook and README draw them (issue 18, point 7): others come in only
 * by a room's front door (`index.ts`, the Node-only `node.ts`, the embedders' `browser.ts`, the wording
 * room's door per part); a front
 * door loads no Node module, however deep (the file-system room alone is Node-only by design); the
 * CLI and tools import nothing from tests/. Read from the import statements of the sources.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/cli.ts';

const indexer = join(root, 'indexer');
/**
 * Front doors besides index.ts and node.ts (README, architecture): the embedders' browser half, and the
 * wording room's door per part (`wording/search-page.ts` reads `wording/ja/search-page.ts`), so a page
 * script bundles its own words, not the dictionary.
 */
const otherDoors = [
  'embedders/browser.ts',
  ...readdirSync(join(indexer, 'wording', 'ja')).map((part) => `wording/${part}`),
];
/** The one room with no portable half (its index.ts says why). */
const nodeOnlyRooms = ['fs'];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|astro|mjs|js)$/.test(name) ? [path] : [];
  });

interface Import {
  spec: string;
  /** `import type …`: erased, so it loads nothing at run time. */
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const src = readFileSync(file, 'utf8');
  return [
    ...[...src.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm)].map((m) => ({
      spec: m[2]!,
      typeOnly: m[1] !== undefined,
    })),
    ...[...src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[1]!, typeOnly: false })),
    ...[...src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false })),
  ];
}

/** `corpus` for indexer/corpus/load.ts; undefined outside indexer/. */
const roomOf = (file: string) => {
  const rel = relative(indexer, file);
  return rel.startsWith('..') ? undefined : rel.split(sep)[0];
};

describe('the rooms of indexer/', () => {
  it('are entered from outside only by their front doors', () => {
    const bypasses: string[] = [];
    for (const file of ['indexer', 'scripts', 'site'].flatMap((d) => sources(join(root, d))))
      for (const { spec } of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        const room = roomOf(target);
        if (room === undefined || room === roomOf(file)) continue;
        const door = relative(join(indexer, room), target);
        if (door === 'index.ts' || door === 'node.ts' || otherDoors.includes(`${room}/${door}`)) continue;
        bypasses.push(`${relative(root, file)} → ${spec}`);
      }
    expect(bypasses).toEqual([]);
  });

  it('have portable front doors: nothing an index.ts loads, however deep, imports a Node module', () => {
    const rooms = readdirSync(indexer).filter((r) => existsSync(join(indexer, r, 'index.ts')));
    expect(rooms).toContain('corpus');
    const found: string[] = [];
    for (const room of rooms.filter((r) => !nodeOnlyRooms.includes(r))) {
      const seen = new Set<string>();
      const todo = [join(indexer, room, 'index.ts')];
      while (todo.length > 0) {
        const file = todo.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const { spec, typeOnly } of importsOf(file)) {
          if (typeOnly) continue;
          if (spec.startsWith('node:') || /^(fs|path|os|child_process|worker_threads)(\/|$)/.test(spec))
            found.push(`${room}: ${relative(root, file)} imports ${spec}`);
          else if (spec.startsWith('.')) {
            const target = resolve(dirname(file), spec);
            if (target.endsWith(`${sep}node.ts`)) found.push(`${room}: ${relative(root, file)} imports ${spec}`);
            else if (existsSync(target)) todo.push(target);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('give the Corpus type from the portable front door', () => {
    const door = readFileSync(join(indexer, 'corpus', 'index.ts'), 'utf8');
    expect(door).toMatch(/\bCorpus\b[^;]*from '\.\/corpus\.ts'/);
    expect(readFileSync(join(indexer, 'corpus', 'corpus.ts'), 'utf8')).toMatch(/^export interface Corpus\b/m);
  });
});

describe('the CLI and the tools', () => {
  it('import nothing from tests/', () => {
    const found = sources(join(root, 'scripts')).flatMap((file) =>
      importsOf(file)
        .filter(({ spec }) => spec.startsWith('.') && relative(root, resolve(dirname(file), spec)).startsWith('tests'))
        .map(({ spec }) => `${relative(root, file)} → ${spec}`),
    );
    expect(found).toEqual([]);
  });
});
