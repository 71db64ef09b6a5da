#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `npx kojo` works right after
// `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/kojo.ts');
