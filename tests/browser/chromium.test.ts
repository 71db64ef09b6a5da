/**
 * The browser tests and bench:site drive a system Chromium only if it starts; anything else at
 * KOJO_CHROMIUM (or /usr/bin/chromium) falls through to the npm build, and the choice is said.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/tools/chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'kojo-not-chromium-'));
const file = (name: string, text: string, mode: number) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
};
const notChromium = [
  { what: 'a text file', path: file('notes.txt', 'not a program\n', 0o644), reason: /it does not run \(EACCES\)/ },
  { what: 'a script that exits 1', path: file('fails.sh', '#!/bin/sh\nexit 1\n', 0o755), reason: /--version exits 1/ },
  {
    what: 'a program that is not Chromium',
    path: file('other.sh', '#!/bin/sh\necho "Other 1.0"\n', 0o755),
    reason: /not Chromium/,
  },
  { what: 'a path with no file', path: join(dir, 'missing'), reason: /no file is there/ },
];

/** Which Chromium is chosen with KOJO_CHROMIUM at `path`, and the line said about it. */
async function choose(path: string) {
  const said: string[] = [];
  const chosen = await chromiumExecutable({ KOJO_CHROMIUM: path }, (line) => said.push(line));
  return { ...chosen, said };
}

describe('the Chromium the tests drive', () => {
  it.each(notChromium)(
    'passes over $what at KOJO_CHROMIUM for the npm build, and says so',
    async ({ path, reason }) => {
      const { source, said } = await choose(path);
      expect(source).toBe('npm');
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(new RegExp(`^chromium: KOJO_CHROMIUM=${path} is not a Chromium that starts: `));
      expect(said[0]).toMatch(reason);
      expect(said[0]).toMatch(/; the npm build \(@sparticuz\/chromium, .+\)$/);
    },
  );

  it('loads a page with the npm build it fell back to', async () => {
    const { path } = await choose(notChromium[1]!.path);
    const browser = await chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>工場セキュリティ</h1>');
      expect(await page.textContent('h1')).toBe('工場セキュリティ');
    } finally {
      await browser.close();
    }
  });

  it('takes a KOJO_CHROMIUM that starts, naming its version', async () => {
    const npm = (await choose(notChromium[0]!.path)).path;
    const { source, said, path } = await choose(npm);
    expect({ source, path }).toEqual({ source: 'KOJO_CHROMIUM', path: npm });
    expect(said).toEqual([expect.stringMatching(/^chromium: KOJO_CHROMIUM=.+ \(Chromium \d+\./)]);
  });
});
