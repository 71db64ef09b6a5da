/** axe-core run on a page of the built site: what the accessibility checks of the browser tests count. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe's violations on the page. The site's CSP allows no inline or injected script, so axe is not
 * added as a <script>: its source runs through the DevTools protocol (page.evaluate), which a page's
 * policy does not govern, and the page stays exactly as built.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }).axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations),
  )) as AxeViolation[];
  return violations.map(
    (v) =>
      `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim()}`,
  );
}
