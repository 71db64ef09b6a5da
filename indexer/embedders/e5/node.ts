/**
 * multilingual-e5-small through transformers.js, read from a local model folder only: plant networks
 * are isolated, so nothing is fetched at query time. `kojo model fetch` fills the folder where a
 * network exists.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { l2normalize, type Embedder, type EmbedderPlugin } from '../embedder.ts';
import { E5_MODEL, e5Id, e5Prefix, modelFiles } from './model.ts';

export function missingModelFiles(root: string, model = E5_MODEL): string[] {
  return modelFiles.filter((f) => !existsSync(join(root, model, f)));
}

type Extractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{ data: Float32Array; dims: number[] }>;

export interface E5Options {
  root: string;
  model?: string;
  batchSize?: number;
}

export async function e5Embedder({ root, model = E5_MODEL, batchSize = 16 }: E5Options): Promise<Embedder> {
  const { pipeline, env } = await import('@xenova/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${root}/`;
  env.useBrowserCache = false;
  const extract = (await pipeline('feature-extraction', model, { quantized: true })) as unknown as Extractor;

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    const out = await extract(texts, { pooling: 'mean', normalize: true });
    const [count, dim] = out.dims as [number, number];
    return Array.from({ length: count }, (_, i) => l2normalize(out.data.slice(i * dim, (i + 1) * dim)));
  };
  const probe = await embed([`${e5Prefix.query}次元`]);
  const dimension = probe[0]!.length;

  return {
    id: e5Id(model),
    dimension,
    expandsSynonyms: false,
    // Everything it needs is the model folder: an e5 index keeps no embedder state.
    state: null,
    async embedPassages(texts, onProgress) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        vectors.push(...(await embed(texts.slice(i, i + batchSize).map((t) => e5Prefix.passage + t))));
        onProgress?.(vectors.length, texts.length);
      }
      return vectors;
    },
    async embedQuery(text) {
      return (await embed([e5Prefix.query + text]))[0]!;
    },
  };
}

/**
 * Downloads the model with transformers.js' own hub client, from the Hugging Face hub or from a
 * mirror with the same layout (`<host>/<model>/resolve/main/<file>`), as plants often have one on an
 * internal server. The files land in a temporary folder beside the model folder and move in only
 * after they load and embed a probe: a mirror serving garbage must not leave a folder that
 * `model status` calls installed and every later build trips over.
 */
export async function fetchE5Model(
  root: string,
  { model = E5_MODEL, host }: { model?: string; host?: string } = {},
): Promise<void> {
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(join(root, '.fetch-'));
  try {
    const { pipeline, env } = await import('@xenova/transformers');
    if (host) env.remoteHost = host.endsWith('/') ? host : `${host}/`;
    env.allowRemoteModels = true;
    env.allowLocalModels = false;
    env.useFSCache = true;
    // The hub client caches under cacheDir at the path <model>/<file>: exactly the local layout.
    env.cacheDir = `${staging}/`;
    env.localModelPath = '';
    await pipeline('feature-extraction', model, { quantized: true });
    const missing = missingModelFiles(staging, model);
    if (missing.length) throw new Error(`the download lacks ${missing.join(', ')}`);
    await verifyModel(staging, model);
    await moveIn(join(staging, model), join(root, model));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Loads the downloaded files the way a build will, so a broken download fails here, not later. */
async function verifyModel(root: string, model: string): Promise<void> {
  try {
    await e5Embedder({ root, model });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(`the downloaded files do not load as a model (${reason})`);
  }
}

/** Swaps the verified folder in; the previous model stays in place until the new one is there. */
async function moveIn(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const old = `${to}.old-${process.pid}`;
  const hadOld = existsSync(to);
  if (hadOld) await rename(to, old);
  try {
    await rename(from, to);
  } catch (error) {
    if (hadOld) await rename(old, to);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

export const e5Plugin: EmbedderPlugin = {
  name: 'e5',
  id: e5Id(E5_MODEL),
  availability({ modelRoot }) {
    const missing = missingModelFiles(modelRoot);
    return missing.length
      ? {
          ok: false,
          reason: `e5 model not found in ${modelRoot}/${E5_MODEL} (missing ${missing.join(', ')}); run "kojo model fetch" on a machine with a network`,
        }
      : { ok: true, detail: `e5 model found in ${modelRoot}` };
  },
  create: (_passages, _synonyms, { modelRoot }) => e5Embedder({ root: modelRoot }),
  open: (_state, { modelRoot }) => e5Embedder({ root: modelRoot }),
};
