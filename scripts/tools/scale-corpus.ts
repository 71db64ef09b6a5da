/**
 * A synthetic corpus N times the size of content/, for the scale benchmarks: the original, plus N−1
 * copies of every guideline under a new key (`meti` → `meti2`, …) with renamed clause ids, chapter
 * references and mappings, and perturbed text (sentences dropped, swapped and reworded, the same way
 * for the same seed), so term statistics look like a hundred related guidelines rather than one
 * repeated. The glossary stays as it is; every FAQ answer also cites the copies of the clauses it cites
 * (an answer must point into every guideline). `kojo check` passes.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { IntegerOption } from '../cli/command.ts';
import { random } from './sample-pdfs/model.ts';

/** `--scale N` of the benchmarks that can run on a scaled corpus (bench, bench:site). */
export const scaleOption = {
  type: 'integer',
  min: 1,
  max: 200,
  default: 1,
  value: 'N',
  description: 'corpus size as a multiple of content/; above 1 a synthetic corpus is built in a temporary folder',
} as const satisfies IntegerOption;

export interface ScaledContent {
  dir: string;
  dispose(): Promise<void>;
}

/** A few rewordings a real companion guideline might use. */
const rewordings: [RegExp, string[]][] = [
  [/工場/g, ['プラント', '製造拠点', '工場']],
  [/対策/g, ['措置', '対応策', '対策']],
  [/確認/g, ['点検', '確認']],
  [/整理/g, ['整備', '棚卸し', '整理']],
  [/管理/g, ['運用管理', '統制', '管理']],
  [/重要/g, ['肝要', '重要']],
  [/必要/g, ['不可欠', '必要']],
  [/設備/g, ['装置群', '機器', '設備']],
];

function perturb(paragraph: string, rnd: () => number): string {
  let sentences = paragraph.split(/(?<=。)/).filter(Boolean);
  // A sentence citing a source ([^S…]) stays: a reported clause must cite one for `kojo check`.
  if (sentences.length > 2 && rnd() < 0.3) {
    const i = Math.floor(rnd() * sentences.length);
    if (!sentences[i]!.includes('[^')) sentences.splice(i, 1);
  }
  if (sentences.length > 1 && rnd() < 0.4) {
    const i = Math.floor(rnd() * (sentences.length - 1));
    [sentences[i], sentences[i + 1]] = [sentences[i + 1]!, sentences[i]!];
  }
  sentences = sentences.map((s) =>
    rewordings.reduce(
      (t, [pattern, words]) => t.replace(pattern, (w) => (rnd() < 0.35 ? words[Math.floor(rnd() * words.length)]! : w)),
      s,
    ),
  );
  return sentences.join('');
}

/** A clause file of copy `n`: keys renamed where they name a guideline, prose perturbed, headings kept. */
function copyMarkdown(text: string, rename: (s: string) => string, rnd: () => number): string {
  const [, front, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(text) ?? [null, '', text];
  return (
    rename(front!) +
    body!
      .split('\n')
      .map((line) =>
        line.startsWith('#') ? rename(line) : line.trim() && !line.startsWith('|') ? perturb(line, rnd) : line,
      )
      .join('\n')
  );
}

/** YAML without anchors and aliases: copies share objects, and readers cap the aliases they follow. */
const yaml = (value: unknown) => stringify(value, { aliasDuplicateObjects: false });

export async function scaledContent(source: string, scale: number): Promise<ScaledContent> {
  const dir = await mkdtemp(join(tmpdir(), `kojo-scale-${scale}x-`));
  await cp(source, dir, { recursive: true });
  // A user's imported official text is not part of the corpus being scaled.
  await rm(join(dir, 'official'), { recursive: true, force: true });
  const entries = parse(await readFile(join(source, 'guidelines.yml'), 'utf8')) as {
    key: string;
    kind?: string;
    label: string;
    title: string;
    shortTitle: string;
  }[];
  // Guidelines are copied; a reference framework (NIST CSF …) stays one, and its crosswalk is kept as is.
  const registry = entries.filter((g) => g.kind !== 'reference');
  const references = new Set(entries.filter((g) => g.kind === 'reference').map((g) => g.key));
  const keys = registry.map((g) => g.key);
  const mappingFiles = (await readdir(join(source, 'mappings'))).filter(
    (f) => /\.ya?ml$/.test(f) && !references.has(f.replace(/\.ya?ml$/, '')),
  );
  const out = [...entries];
  // Only where a key names a guideline: before "-" (clause ids) or ":" (chapter references), or as a value.
  const pattern = new RegExp(`(?<![A-Za-z0-9./])(${keys.join('|')})(?=[-:]|$|")`, 'gm');
  const renamer = (copy: number) => (s: string) => s.replace(pattern, `$1${copy}`);
  const copies = Array.from({ length: Math.max(0, scale - 1) }, (_, i) => i + 2);
  for (const file of (await readdir(join(source, 'faq'))).filter((f) => /\.ya?ml$/.test(f))) {
    const faq = parse(await readFile(join(source, 'faq', file), 'utf8')) as { cites: string[] }[];
    for (const item of faq) item.cites = [...item.cites, ...copies.flatMap((copy) => item.cites.map(renamer(copy)))];
    await writeFile(join(dir, 'faq', file), yaml(faq));
  }
  // Checklist items explain themselves in every guideline: each copy's clauses (or reasons) too.
  const checklistDir = join(source, 'checklist');
  for (const file of (await readdir(checklistDir).catch(() => [] as string[])).filter((f) =>
    /^items.*\.ya?ml$/.test(f),
  )) {
    const items = parse(await readFile(join(checklistDir, file), 'utf8')) as {
      clauses?: string[];
      gaps?: Record<string, string>;
    }[];
    for (const item of items) {
      const clauses = item.clauses ?? [];
      item.clauses = [
        ...clauses,
        ...copies.flatMap((copy) => clauses.filter((c) => keys.some((k) => c.startsWith(`${k}-`))).map(renamer(copy))),
      ];
      const gaps = Object.entries(item.gaps ?? {});
      if (gaps.length)
        item.gaps = Object.fromEntries([
          ...gaps,
          ...copies.flatMap((copy) => gaps.map(([k, why]) => [`${k}${copy}`, why] as const)),
        ]);
    }
    await writeFile(join(dir, 'checklist', file), yaml(items));
  }
  for (const copy of copies) {
    const rename = renamer(copy);
    for (const g of registry) {
      out.push({
        ...g,
        key: `${g.key}${copy}`,
        label: `${g.label}${copy}`,
        title: `${g.title}（第${copy}版相当）`,
        shortTitle: `${g.shortTitle}（${copy}）`,
      });
      const from = join(source, g.key);
      const to = join(dir, `${g.key}${copy}`);
      await mkdir(to, { recursive: true });
      for (const file of await readdir(from)) {
        const rnd = random(copy * 7919 + file.length * 104729 + file.charCodeAt(0));
        const text = await readFile(join(from, file), 'utf8');
        // english.yml names the folder's clauses by id: renamed throughout, like a mapping file.
        await writeFile(join(to, file), file.endsWith('.md') ? copyMarkdown(text, rename, rnd) : rename(text));
      }
    }
    for (const file of mappingFiles)
      await writeFile(
        join(dir, 'mappings', `${copy}-${file}`),
        rename(await readFile(join(source, 'mappings', file), 'utf8')),
      );
  }
  await writeFile(join(dir, 'guidelines.yml'), yaml(out));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
