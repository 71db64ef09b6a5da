#!/usr/bin/env node
// The CLI is TypeScript compiled to bin/dist/ by `npm install` / `npm ci` (the "prepare" script), so
// it starts in a fraction of the time compiling on the fly would take.
import { existsSync } from 'node:fs';

const entry = new URL('./dist/kojo.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('kojo: the CLI is not built; run "npm run build:cli" (npm install does it)\n');
  process.exit(1);
}
await import(entry.href);
