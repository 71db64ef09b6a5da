import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadValidContent, readYamlList } from '../indexer/corpus/node.ts';
import { embedderSetup, resolveEmbedder } from '../indexer/embedders/node.ts';
import { buildIndex, EvalQuestion, openIndex, firstRelevantRank } from '../indexer/search/node.ts';
const corpus = await loadValidContent('content');
const setup = embedderSetup();
const { plugin } = resolveEmbedder('builtin', setup);
const dir = await mkdtemp(join(tmpdir(), 'm1-'));
await buildIndex(corpus, { contentDir: 'content', out: dir, embedder: plugin, setup });
const { engine } = await openIndex(dir, { setup });
const { items } = await readYamlList(process.argv[2]!, 'q', EvalQuestion);
for (const { value: q } of items) {
  const hits = (await engine.ask(q.q, { k: 10 })).hits;
  for (const g of ['meti', 'gutp']) {
    const h = hits.filter((x) => x.guideline === g);
    const r = firstRelevantRank(h, q.expect[g] ?? []);
    if (r !== 1) console.log(g, r, q.q, '→', q.expect[g]?.join('/'), '| top:', h[0]?.id);
  }
}
