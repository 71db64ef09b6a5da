/**
 * multilingual-e5-small through transformers.js, read from a local model folder only: plant networks
 * are isolated, so nothing is fetched at query time. `kojo model fetch` fills the folder where a
 * network exists.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KojoError } from '../../errors/index.ts';
import { t } from '../../wording/index.ts';
import { l2normalize, type Embedder, type EmbedderPlugin } from '../embedder.ts';
import { E5_MODEL, e5Id, e5Prefix, modelFiles } from './model.ts';

export function missingModelFiles(root: string, model = E5_MODEL): string[] {
  return modelFiles.filter((f) => !existsSync(join(root, model, f)));
}

/**
 * Why the model folder cannot be the model, read cheaply without loading it (a copy interrupted, a
 * mirror that served an error page as a file), or null. transformers.js would otherwise fail deep
 * inside with "reading 'type'" or a protobuf error long after the folder was called installed.
 */
export function modelDamage(root: string, model = E5_MODEL): string | null {
  const dir = join(root, model);
  for (const [file, field] of [
    ['config.json', 'model_type'],
    ['tokenizer.json', 'model'],
    ['tokenizer_config.json', null],
  ] as const) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      return t('model.damage.json', { file, reason: error instanceof SyntaxError ? 'not JSON' : String(error) });
    }
    if (typeof value !== 'object' || value === null || (field && !(field in value)))
      return t('model.damage.field', { file, field: field ?? '' });
  }
  // Every ONNX file is a protobuf ModelProto whose first field is ir_version (field 1, varint): 0x08.
  const onnx = 'onnx/model_quantized.onnx';
  const head = Buffer.alloc(1);
  const fd = openSync(join(dir, onnx), 'r');
  try {
    if (readSync(fd, head, 0, 1, 0) !== 1 || head[0] !== 0x08) return t('model.damage.onnx', { file: onnx });
  } finally {
    closeSync(fd);
  }
  return null;
}

/** The one error for a model folder that is there but cannot load. */
function damaged(root: string, model: string, reason: string): KojoError {
  return new KojoError('embedder-unavailable', t('model.damaged', { dir: join(root, model), reason }));
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
  const damage = modelDamage(root, model);
  if (damage) throw damaged(root, model, damage);
  let extract: Extractor;
  try {
    extract = (await pipeline('feature-extraction', model, { quantized: true })) as unknown as Extractor;
  } catch (error) {
    throw damaged(root, model, (error instanceof Error ? error.message : String(error)).split('\n')[0]!);
  }

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
export interface FetchOptions {
  model?: string;
  host?: string;
  /** How long a request may wait for a connection, its headers or its next bytes before it is given up. */
  timeoutMs?: number;
  /** Bytes of a file received so far, of its length (0 when the server does not say). */
  onProgress?: (file: string, loaded: number, total: number) => void;
}

/** A silent mirror must not hold the command for minutes (Node's own fetch waits 300 s for headers). */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

export async function fetchE5Model(
  root: string,
  { model = E5_MODEL, host, timeoutMs = DOWNLOAD_TIMEOUT_MS, onProgress }: FetchOptions = {},
): Promise<void> {
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(join(root, '.fetch-'));
  const cache = new StagingCache(staging, model);
  try {
    const { pipeline, env } = await import('@xenova/transformers');
    if (host) env.remoteHost = host.endsWith('/') ? host : `${host}/`;
    env.allowRemoteModels = true;
    env.allowLocalModels = false;
    env.useFSCache = false;
    env.useCustomCache = true;
    env.customCache = cache;
    env.localModelPath = '';
    // The hub client calls the global fetch; it is given one that gives up on silence, for this download only.
    const plainFetch = globalThis.fetch;
    globalThis.fetch = fetchGivingUp(plainFetch, timeoutMs);
    try {
      await pipeline('feature-extraction', model, {
        quantized: true,
        progress_callback: (p: { status: string; file?: string; loaded?: number; total?: number }) => {
          if (p.status === 'progress' && p.file) onProgress?.(p.file, p.loaded ?? 0, p.total ?? 0);
        },
      });
    } finally {
      globalThis.fetch = plainFetch;
    }
    const missing = missingModelFiles(staging, model);
    if (missing.length) throw new Error(`the download lacks ${missing.join(', ')}`);
    await verifyModel(staging, model);
    await moveIn(join(staging, model), join(root, model));
  } finally {
    await cache.close();
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Where the hub client puts what it downloaded: `<staging>/<model>/<file>`, exactly the local
 * layout. The client loads a model's files side by side and, when one fails, rejects while the
 * others are still arriving; their writes would recreate the staging folder after it was removed.
 * Once closed, this cache waits for the writes under way and drops any later one.
 */
class StagingCache {
  private closed = false;
  private readonly writing = new Set<Promise<void>>();
  constructor(
    private readonly dir: string,
    private readonly model: string,
  ) {}

  async match(): Promise<undefined> {
    return undefined;
  }

  async put(url: string, response: Response): Promise<void> {
    if (this.closed) return;
    // The key is the remote URL, `<host><model>/resolve/main/<file>`.
    const marker = `${this.model}/resolve/main/`;
    const at = url.indexOf(marker);
    if (at < 0) return;
    const target = join(this.dir, this.model, url.slice(at + marker.length));
    const write = (async () => {
      const bytes = Buffer.from(await response.arrayBuffer());
      if (this.closed) return;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    })();
    this.writing.add(write);
    try {
      await write;
    } finally {
      this.writing.delete(write);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.writing]);
  }
}

/**
 * fetch that gives up when the server is silent for `ms` — no connection, no headers, or no next
 * bytes of the body — with an error naming the URL, instead of waiting on a mirror that never answers.
 */
function fetchGivingUp(inner: typeof fetch, ms: number): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const controller = new AbortController();
    const silent = () => new Error(t('model.noAnswer', { url, seconds: ms / 1000 }));
    let timer = setTimeout(() => controller.abort(), ms);
    let response: Response;
    try {
      response = await inner(input, { ...init, signal: controller.signal });
    } catch (error) {
      throw controller.signal.aborted ? silent() : error;
    } finally {
      clearTimeout(timer);
    }
    const reader = response.body?.getReader();
    if (!reader) return response;
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        timer = setTimeout(() => controller.abort(), ms);
        try {
          const { done, value } = await reader.read();
          if (done) stream.close();
          else stream.enqueue(value);
        } catch (error) {
          stream.error(controller.signal.aborted ? silent() : error);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** Loads the downloaded files the way a build will, so a broken download fails here, not later. */
async function verifyModel(root: string, model: string): Promise<void> {
  const damage = modelDamage(root, model);
  if (damage) throw new Error(t('model.notTheModel', { reason: damage }));
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
