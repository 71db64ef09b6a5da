import { launchChromium } from '../scripts/tools/chromium.ts';
import { serveSite } from '../scripts/tools/site-session.ts';
const { server, origin } = await serveSite('/tmp/trust-site');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
const errors: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
for (const [path, name, full] of process.argv.slice(2).map((a) => a.split('|'))) {
  await page.goto(origin + path);
  await page.waitForTimeout(path.startsWith('/search') ? 2500 : 300);
  await page.screenshot({ path: `.tmp/${name}.png`, fullPage: full === 'full' });
}
console.log('errors', errors);
await browser.close();
await server.stop?.();
process.exit(0);
