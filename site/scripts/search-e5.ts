/**
 * Optional e5 query embedding in the browser, for sites built with KOJO_BUNDLE_MODEL=1. transformers.js,
 * its wasm runtime and the model all load from this site's own origin: remote models are disabled and
 * the wasm path (a CDN by default) is pointed at /ort/.
 */
import { env, pipeline } from '@xenova/transformers';
import { E5_MODEL, e5Prefix } from '../../indexer/embedders/e5-model.ts';

interface Extractor {
  (text: string, options: { pooling: 'mean'; normalize: boolean }): Promise<{ data: Float32Array }>;
}

export async function e5QueryEmbedder(base: string): Promise<(text: string) => Promise<Float32Array>> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${base}models/`;
  env.useBrowserCache = false;
  env.backends.onnx.wasm.wasmPaths = `${base}ort/`;
  // Threads need cross-origin isolation (SharedArrayBuffer), which a plain static host does not give.
  env.backends.onnx.wasm.numThreads = 1;
  const extract = (await pipeline('feature-extraction', E5_MODEL, { quantized: true })) as unknown as Extractor;
  return async (text) => (await extract(e5Prefix.query + text, { pooling: 'mean', normalize: true })).data;
}
