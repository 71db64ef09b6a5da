/**
 * e5's browser half: query embedding for sites built with KOJO_BUNDLE_MODEL=1. transformers.js, its
 * wasm runtime and the model all load from this site's own origin: remote models are disabled and the
 * wasm path (a CDN by default) is pointed at /ort/. Its Node half is ./node.ts.
 */
import { env, pipeline } from '@xenova/transformers';
import type { Embedder } from '../embedder.ts';
import { E5_MODEL, e5Id, e5Prefix, e5SitePaths } from './model.ts';

type Extractor = (text: string, options: { pooling: 'mean'; normalize: boolean }) => Promise<{ data: Float32Array }>;

export async function openE5InBrowser(base: string): Promise<Pick<Embedder, 'id' | 'dimension' | 'embedQuery'>> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${base}${e5SitePaths.models}`;
  env.useBrowserCache = false;
  env.backends.onnx.wasm.wasmPaths = `${base}${e5SitePaths.wasm}`;
  // Threads need cross-origin isolation (SharedArrayBuffer), which a plain static host does not give.
  env.backends.onnx.wasm.numThreads = 1;
  const extract = (await pipeline('feature-extraction', E5_MODEL, { quantized: true })) as unknown as Extractor;
  const embedQuery = async (text: string) =>
    (await extract(e5Prefix.query + text, { pooling: 'mean', normalize: true })).data;
  const dimension = (await embedQuery('次元')).length;
  return { id: e5Id(E5_MODEL), dimension, embedQuery };
}
