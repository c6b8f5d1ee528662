#!/usr/bin/env node
// The `smsit-twilio` command: runs the built command line (out/cli/index.js, made by
// `npm run build`, `npm run build:cli` and by `prepare` on `npm install` / `npm ci`).
// Plain JavaScript at run time: no TypeScript compiler, only the runtime dependencies.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { checkNode } = await import('../scripts/check-node.mjs');
const unsupported = checkNode();
if (unsupported) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(2);
}
const built = new URL('../out/cli/index.js', import.meta.url);
if (!existsSync(built)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`smsit-twilio is not built yet: run "npm run build:cli" (or "npm install") in ${root}, then try again.\n`);
  process.exit(2);
}
const { main } = await import(built.href);
await main();
