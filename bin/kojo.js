#!/usr/bin/env node
// The CLI is TypeScript compiled to bin/dist/ by `npm install` / `npm ci` (the "prepare" script), so
// it starts in a fraction of the time compiling on the fly would take. A bundle older than its
// sources is rebuilt first (about a second, said on stderr), so `npx kojo` never runs stale code
// silently; where it cannot be rebuilt it runs with a warning.
import { buildCli, buildFailure, bundleState } from './build.js';

const state = bundleState();
if (state) {
  try {
    await buildCli();
    if (state.why === 'stale')
      process.stderr.write(`kojo: rebuilt the CLI (${state.changed} changed since it was built)\n`);
  } catch (error) {
    const reason = buildFailure(error);
    if (state.why === 'missing') {
      process.stderr.write(`kojo: the CLI is not built and could not be built (${reason}); run "npm run build:cli"\n`);
      process.exit(1);
    }
    process.stderr.write(
      `kojo: warning: the CLI is older than ${state.changed} and could not be rebuilt (${reason}); running the old build — run "npm run build:cli"\n`,
    );
  }
}
await import('./dist/kojo.js');
