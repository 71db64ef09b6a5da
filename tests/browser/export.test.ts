/**
 * Export end to end, in Chromium: an assessment answered on /checklist/ and exported there as JSON
 * goes through `kojo export --assessment` into OSCAL assessment-results (valid against the OSCAL 1.2.0
 * schema) and CISO Assistant's audit CSV; the page's own GRC buttons write the same documents; and
 * /downloads/ serves the files `kojo export` writes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtSiteSession } from '../helpers/browser.ts';
import { kojo } from '../helpers/cli.ts';

const session = builtSiteSession();
const schema = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'oscal', name), 'utf8'));

function validator(name: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema(name));
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** A document without what differs between two exports of the same content: the time they were made. */
const timeless = (text: string) => text.replace(/"last-modified": "[^"]+"/g, '"last-modified": ""');

describe('exporting an assessment from /checklist/', () => {
  it('runs through kojo export --assessment into OSCAL and CISO Assistant files the page itself also writes', async () => {
    const { page } = await session.page();
    await page.goto(`${session.origin}/checklist/`, { waitUntil: 'load' });
    await page.waitForSelector('#ck-page[data-state="ready"]');
    await page.check('input[name="ck-level-kojo-prep-01"][value="4"]');
    await page.check('input[name="ck-level-kojo-prep-02"][value="1"]');
    await page.check('input[name="ck-level-kojo-tech-01"][value="na"]');
    await page.fill('textarea[name="ck-note-kojo-prep-02"]', '台帳は未整備');
    await page.fill('#ck-date', '2026-11-30');
    await page.waitForSelector('#ck-export-oscal:not([disabled])');

    const exported = await download(page, '#ck-export-json');
    const dir = mkdtempSync(join(tmpdir(), 'kojo-export-e2e-'));
    const file = join(dir, exported.name);
    writeFileSync(file, exported.text);

    const oscal = kojo(['export', '--format', 'oscal', '--assessment', file, '--out', join(dir, 'oscal')]);
    expect(oscal.status, oscal.stderr).toBe(0);
    const cliResults = readFileSync(join(dir, 'oscal', 'assessment-results.json'), 'utf8');
    const results = JSON.parse(cliResults);
    const validate = validator('oscal_assessment-results_schema.json');
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    const findings = results['assessment-results'].results[0].findings;
    expect(findings.map((f: { target: { 'target-id': string } }) => f.target['target-id'])).toEqual([
      'kojo-prep-01_obj',
      'kojo-prep-02_obj',
      'kojo-tech-01_obj',
    ]);
    expect(findings[1].description).toContain('台帳は未整備');

    const ciso = kojo(['export', '--format', 'ciso-assistant', '--assessment', file, '--out', join(dir, 'ciso')]);
    expect(ciso.status, ciso.stderr).toBe(0);
    const cliCsv = readFileSync(join(dir, 'ciso', 'kojo-checklist-audit.csv'), 'utf8');
    expect(cliCsv).toMatch(/,kojo-prep-02,,[^,]+,non_compliant,done,1,台帳は未整備\r\n/);

    // The page's own buttons write the same documents from the same functions.
    const pageResults = await download(page, '#ck-export-oscal');
    expect(pageResults.name).toMatch(/assessment-results\.json$/);
    expect(timeless(pageResults.text)).toBe(timeless(cliResults));
    const pageCsv = await download(page, '#ck-export-ciso');
    expect(pageCsv.name).toMatch(/kojo-checklist-audit\.csv$/);
    expect(pageCsv.text).toBe(cliCsv);
    expect(await page.locator('#ck-export-status').innerText()).toContain('書き出しました');
  });
});

describe('/downloads/', () => {
  it('lists every format and serves the files kojo export writes', async () => {
    const { page } = await session.page();
    await page.goto(`${session.origin}/downloads/`, { waitUntil: 'load' });
    const links = await page.locator('.downloads__files a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining([
        '/downloads/kojo-meti.yaml',
        '/downloads/kojo-checklist.yaml',
        '/downloads/kojo-mapping-meti-gutp.yaml',
        '/downloads/catalog-meti.json',
        '/downloads/mapping-meti-gutp.json',
        '/downloads/mappings-ir8477.csv',
      ]),
    );
    const dir = mkdtempSync(join(tmpdir(), 'kojo-downloads-'));
    expect(kojo(['export', '--format', 'oscal', '--out', dir]).status).toBe(0);
    const served = await page.evaluate(async () => (await fetch('/downloads/mapping-meti-gutp.json')).text());
    expect(timeless(served)).toBe(timeless(readFileSync(join(dir, 'mapping-meti-gutp.json'), 'utf8')));
    const validate = validator('oscal_mapping_schema.json');
    expect(validate(JSON.parse(served))).toBe(true);
    const yaml = await page.evaluate(async () => (await fetch('/downloads/kojo-gutp.yaml')).text());
    expect(parse(yaml).objects.framework.urn).toBe('urn:kojo-guide:risk:framework:gutp');
  });
});
