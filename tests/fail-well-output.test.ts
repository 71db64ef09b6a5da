/**
 * Failing well, part b of issue 24: broken model folders and silent mirrors, batch output into a
 * slow pipe, terminal strings from users and content, and checklist reports from elsewhere. Each
 * case is something a user or a broken surrounding can do; kojo must say what is wrong in one line,
 * exit 1, and leave nothing a later command mistakes for good.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E5_MODEL } from '../indexer/embedders/index.ts';
import { kojo, kojoAsync, root } from './helpers/cli.ts';
import { contentTree, minimalContent } from './helpers/fixture.ts';
import { writeTinyModel } from './helpers/tiny-model.ts';

const closers: (() => void)[] = [];
afterAll(() => {
  for (const close of closers) close();
});

describe('a model folder that is there but broken', () => {
  let good: string;
  beforeAll(() => {
    good = mkdtempSync(join(tmpdir(), 'kojo-good-model-'));
    writeTinyModel(good);
  });
  const broken = (file: string, bytes: string) => {
    const root = mkdtempSync(join(tmpdir(), 'kojo-broken-model-'));
    cpSync(good, root, { recursive: true });
    writeFileSync(join(root, E5_MODEL, file), bytes);
    return root;
  };

  it.each([
    ['config.json', '{}', /config\.json has no "model_type"/],
    ['tokenizer.json', '{}', /tokenizer\.json has no "model"/],
    ['onnx/model_quantized.onnx', 'not an onnx model', /onnx\/model_quantized\.onnx is not an ONNX model/],
  ])('%s holding %j: model status says damaged, build-index names the folder and the fix', async (file, bytes, why) => {
    const models = broken(file, bytes);
    const env = { KOJO_MODEL_DIR: models };
    const status = await kojoAsync(['model', 'status'], { env });
    expect(status.stdout).not.toMatch(/installed in/);
    expect(status.stdout).toMatch(why);
    const out = join(mkdtempSync(join(tmpdir(), 'kojo-idx-')), 'index');
    const built = await kojoAsync(['build-index', '--content', minimalContent, '--out', out], { env });
    expect(built.status).toBe(1);
    const last = built.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(new RegExp(`^kojo: model folder ${join(models, E5_MODEL)} is damaged: `));
    expect(last).toMatch(why);
    expect(last).toMatch(/\(run kojo model fetch again or delete it\)$/);
    expect(built.stderr).not.toMatch(/internal error|reading 'type'|\n\s+at /);
  });
});

describe('kojo model fetch from a mirror that never answers', () => {
  /** A TCP server that accepts connections and never says anything (or stalls after the headers). */
  async function silentMirror(stallAfterHeaders: boolean): Promise<string> {
    const sockets: Socket[] = [];
    let server: TcpServer | Server;
    if (stallAfterHeaders) {
      server = createHttpServer((_req, res) => {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('{"model_type"');
      });
    } else server = createTcpServer((socket) => void sockets.push(socket));
    server.on('connection', (s: Socket) => sockets.push(s));
    closers.push(() => {
      for (const s of sockets) s.destroy();
      server.close();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  it.each([
    ['never answers', false],
    ['stalls in the middle of a file', true],
  ])('gives up after --timeout when the mirror %s, naming the URL, leaving nothing', async (_, stall) => {
    const models = mkdtempSync(join(tmpdir(), 'kojo-models-'));
    const mirror = await silentMirror(stall);
    const started = Date.now();
    const r = await kojoAsync(['model', 'fetch', '--from', mirror, '--timeout', '1'], {
      env: { KOJO_MODEL_DIR: models },
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.status).toBe(1);
    const last = r.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(
      new RegExp(`^kojo: could not download .*\\(no answer from ${mirror}${E5_MODEL}/resolve/main/\\S+ for 1 s\\)`),
    );
    expect(readdirSync(models)).toEqual([]);
  });

  it('refuses a timeout that is not a whole number of seconds', async () => {
    const r = await kojoAsync(['model', 'fetch', '--timeout', '0x3']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('kojo: --timeout must be a whole number at least 1 (got "0x3")\n');
  });
});

describe('kojo ask - into a pipe read slowly', () => {
  it('stops taking questions while the reader takes no answers, then answers every one', async () => {
    const index = join(mkdtempSync(join(tmpdir(), 'kojo-batch-')), 'index');
    expect(kojo(['build-index', '--content', minimalContent, '--out', index, '--embedder', 'builtin']).status).toBe(0);
    const child = spawn(process.execPath, [join(root, 'bin', 'kojo.js'), 'ask', '--index', index, '-'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    // ~600 KB of questions: far more than the pipes and stream buffers between the two processes hold.
    const filler = '工場のネットワークでUSBメモリの持ち込みを管理するには'.repeat(4);
    const questions = Array.from({ length: 2000 }, (_, i) => `${filler} ${i}\n`);
    let accepted = 0;
    const fed = (async () => {
      for (const q of questions) {
        if (!child.stdin.write(q)) await new Promise((r) => child.stdin.once('drain', r));
        accepted++;
      }
      child.stdin.end();
    })();
    // Nobody reads stdout. kojo must wait for the reader — idle, taking no more questions — rather than
    // keep answering into memory (476 MB for 10,000 questions before the fix). Wait until it is idle.
    const cpuTicks = () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    for (let polls = 0, before = { accepted: -1, cpu: -1 }; polls < 200; polls++) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = { accepted, cpu: cpuTicks() };
      if (now.accepted === before.accepted && now.cpu - before.cpu <= 2) break;
      before = now;
    }
    expect(accepted).toBeLessThan(questions.length / 2);
    let lines = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      for (const c of d) if (c === '\n') lines++;
    });
    const status = await new Promise((r) => child.on('close', r));
    await fed;
    expect(status).toBe(0);
    expect(lines).toBe(questions.length);
  }, 240_000);
});

describe('kojo checklist report with notes written by someone else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kojo-report-b-'));
  const csv = (rows: string[][]) => {
    const file = join(dir, `a-${rows.length}.csv`);
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    writeFileSync(
      file,
      `${['評価名', '確認項目ID', 'レベル', 'メモ'].join(',')}\r\n${rows.map((r) => r.map(q).join(',')).join('\r\n')}\r\n`,
    );
    return file;
  };

  it('copies no HTML and no live link from a note or the name into the Markdown report', async () => {
    const hostile =
      '<img src=x onerror=alert(1)> [押す](javascript:alert(1)) <javascript:alert(2)> **強調** <script>x</script>';
    const file = csv([[`評価${hostile}`, 'kojo-prep-01', '1', hostile]]);
    const r = kojo(['checklist', 'report', file]);
    expect(r.status).toBe(0);
    // Read as Markdown, as a viewer would: no HTML node, no link anywhere but the clauses to read.
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { visit } = await import('unist-util-visit');
    const tree = unified().use(remarkParse).parse(r.stdout);
    const html: string[] = [];
    const links: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'html') html.push((node as { value: string }).value);
      if (node.type === 'link') links.push((node as { url: string }).url);
      if (node.type === 'strong' && JSON.stringify(node).includes('強調')) html.push('emphasis from a note');
    });
    expect(html).toEqual([]);
    expect(links.filter((u) => !/^(https?:)?\/[a-z]/.test(u))).toEqual([]);
    expect(links.join(' ')).not.toMatch(/javascript/i);
    // The note is still there to read, as text.
    expect(r.stdout).toContain('onerror=alert(1)');
  });

  it.each(['0x3', '1e0', '3.0', ' 3', '+3'])('refuses --target %j as not a whole number', (target) => {
    const file = csv([['評価', 'kojo-prep-01', '1', '']]);
    const r = kojo(['checklist', 'report', file, '--target', target]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `kojo: --target must be a whole number from 1 to the checklist's highest level (got "${target}")\n`,
    );
  });
});

describe('every terminal string a user or content gave is shown escaped, on its line', () => {
  const esc = '\u001b[2J';
  const forged = `${esc}x\nok — all good\u202e`;
  const shownForged = '\\u001b[2Jx\\nok — all good\\u202e';
  /** One line on stderr, exit 1, nothing that steers a terminal. */
  const oneCleanLine = (r: { status: number | null; stderr: string; stdout: string }) => {
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr + r.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(r.stderr).not.toMatch(/^ok/m);
  };
  let index: string;
  beforeAll(() => {
    index = join(mkdtempSync(join(tmpdir(), 'kojo-escape-')), 'index');
    kojo(['build-index', '--content', minimalContent, '--out', index, '--embedder', 'builtin']);
  });

  it('a --guideline value of kojo ask', () => {
    const r = kojo(['ask', '--index', index, '--guideline', forged, 'USB']);
    oneCleanLine(r);
    expect(r.stderr).toContain(`(got "${shownForged}")`);
  });

  it('a --guideline value of kojo import', () => {
    const r = kojo(['import', '--guideline', forged, '--dry-run', join(minimalContent, 'guidelines.yml')]);
    oneCleanLine(r);
    expect(r.stderr).toContain(shownForged);
  });

  it('the file name of kojo import, with the reason after it kept', () => {
    const r = kojo(['import', '--guideline', 'meti', '--dry-run', `/nonexistent/${forged}.pdf`]);
    oneCleanLine(r);
    expect(r.stderr).toContain(`${shownForged}.pdf`);
  });

  it('the file name of kojo checklist report, with the reason after it kept', () => {
    const r = kojo(['checklist', 'report', `/nonexistent/${forged}.csv`]);
    oneCleanLine(r);
    expect(r.stderr).toBe(`kojo: cannot read /nonexistent/${shownForged}.csv: ENOENT: no such file or directory\n`);
  });

  it('an unknown item id in the warnings of kojo checklist report', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kojo-warn-')), 'a.csv');
    writeFileSync(file, `確認項目ID,レベル\r\nkojo-prep-01,2\r\n"${forged.replace(/"/g, '""')}",2\r\n`);
    const r = kojo(['checklist', 'report', file]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(shownForged);
    expect(r.stderr + r.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  it('an index folder named in kojo ask', () => {
    const r = kojo(['ask', '--index', `/nonexistent/${forged}`, 'USB']);
    oneCleanLine(r);
    expect(r.stderr).toContain(shownForged);
  });

  it('the content folder named in the notes of kojo build-index', () => {
    const content = join(mkdtempSync(join(tmpdir(), 'kojo-named-')), `c${esc}\u202e`);
    cpSync(minimalContent, content, { recursive: true });
    const r = kojo(['build-index', '--content', content, '--out', join(content, '..', 'idx'), '--embedder', 'builtin']);
    expect(r.status).toBe(0);
    expect(r.stderr + r.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  it('checklist titles from content in kojo checklist', () => {
    const content = mkdtempSync(join(tmpdir(), 'kojo-items-'));
    cpSync(join(root, 'content'), content, { recursive: true });
    const items = join(content, 'checklist', 'items-1-prep.yml');
    const yaml = readFileSync(items, 'utf8');
    const first = /text: (.*)/.exec(yaml)!;
    writeFileSync(items, yaml.replace(first[0], `text: "${first[1]!.replace(/"/g, '')}\\u001b[2J\\u202e"`));
    const r = kojo(['checklist', '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(r.stdout).toContain('\\u001b[2J\\u202e');
  });
});

describe('kojo check refuses what the site would not show as written, and warns of text shown as typed', () => {
  const evil = '[外へ](//evil.example/)';
  it.each([
    [
      'a clause body',
      { 'meti/03.md': (s: string) => `${s}\n${evil}\n` },
      /meti\/03\.md:\d+: error link-scheme: .*protocol-relative/,
    ],
    [
      'a practice note',
      { 'notes/eol-os.md': (s: string) => `${s}\n${evil}\n` },
      /notes\/eol-os\.md:\d+: error link-scheme: .*protocol-relative/,
    ],
    [
      'an FAQ answer',
      { 'faq/faq.yml': (s: string) => s.replace('answer: 分離して守ります。', `answer: "分離して守ります。${evil}"`) },
      /faq\/faq\.yml:\d+: warning plain-text-markup: the answer of FAQ "faq-eol-os" is plain text: "\[外へ\]\(\/\/evil\.example\/\)"/,
    ],
    [
      'a glossary definition',
      { 'glossary/terms.yml': (s: string) => s.replace('definition: 開発元', 'definition: //evil.example/ 開発元') },
      /glossary\/terms\.yml:\d+: warning plain-text-markup: the definition of glossary term "eol" .*"\/\/evil\.example"/,
    ],
    [
      'HTML in an FAQ question',
      { 'faq/faq.yml': (s: string) => s.replace('question: 古いOS', 'question: <b>古いOS</b>') },
      /faq\/faq\.yml:\d+: warning plain-text-markup: the question of FAQ "faq-eol-os" .*"<b>"/,
    ],
    [
      'HTML in a clause heading',
      { 'meti/03.md': (s: string) => s.replace('## 保護対象の整理 {#', '## 保護対象の整理<img src=x> {#') },
      /meti\/03\.md:\d+: error clause-heading-html:/,
    ],
  ])('%s', (_, edits, problem) => {
    const r = kojo(['check', '--content', contentTree(edits)]);
    // Markup in FAQ and glossary text is shown as typed (never live): a warning, not an error.
    expect(r.status).toBe(String(problem).includes('warning') ? 0 : 1);
    expect(r.stdout).toMatch(problem);
  });
});
