import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E5_MODEL, modelFiles } from '../indexer/embedders/index.ts';
import { kojoAsync } from './helpers/cli.ts';
import { minimalContent } from './helpers/fixture.ts';
import { writeTinyModel } from './helpers/tiny-model.ts';

/** A model mirror with the hub's layout (<model>/resolve/main/<file>), serving the tiny model. */
let mirror: Server;
let mirrorUrl: string;
const served: string[] = [];

beforeAll(async () => {
  const source = mkdtempSync(join(tmpdir(), 'kojo-mirror-'));
  writeTinyModel(source);
  mirror = createServer((req, res) => {
    served.push(req.url!);
    const m = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(decodeURIComponent(req.url!.split('?')[0]!));
    const path = m && join(source, m[1]!, m[2]!);
    if (!path || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200).end(readFileSync(path));
  });
  await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});

afterAll(() => mirror?.close());

describe('kojo model fetch → build-index → ask with e5', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'kojo-models-'));

  it('downloads the model from a mirror into the local model folder', async () => {
    const models = fresh();
    const env = { KOJO_MODEL_DIR: models };
    expect((await kojoAsync(['model', 'status'], { env })).stdout).toMatch(/not installed/);
    const r = await kojoAsync(['model', 'fetch', '--from', mirrorUrl], { env });
    expect(r.stderr).toMatch(/downloading Xenova\/multilingual-e5-small from http:\/\/127\.0\.0\.1/);
    expect(r.status).toBe(0);
    for (const f of modelFiles) expect(existsSync(join(models, E5_MODEL, f)), f).toBe(true);
    expect(served.some((u) => u.endsWith('/onnx/model_quantized.onnx'))).toBe(true);
    expect((await kojoAsync(['model', 'status'], { env })).stdout).toMatch(/installed in/);
  });

  it('builds with e5 automatically once the model is there, announcing it, and answers with e5', async () => {
    const env = { KOJO_MODEL_DIR: fresh() };
    writeTinyModel(env.KOJO_MODEL_DIR);
    const index = join(mkdtempSync(join(tmpdir(), 'kojo-e5-')), 'index');
    const built = await kojoAsync(['build-index', '--content', minimalContent, '--out', index], { env });
    expect(built.status).toBe(0);
    expect(built.stderr).toMatch(/embedder: e5:Xenova\/multilingual-e5-small — e5 model found/);
    const asked = await kojoAsync(['ask', '--index', index, '--json', 'usb memory'], { env });
    expect(asked.status).toBe(0);
    expect(JSON.parse(asked.stdout).embedder).toBe('e5:Xenova/multilingual-e5-small');
  });

  it('refuses a mirror that is not a URL', async () => {
    const r = await kojoAsync(['model', 'fetch', '--from', 'ftp-ish'], { env: { KOJO_MODEL_DIR: fresh() } });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('kojo: --from must be an http(s) URL (got "ftp-ish")\n');
  });
});
