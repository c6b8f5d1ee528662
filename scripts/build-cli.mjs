#!/usr/bin/env node
// `npm run build:cli` (also run by `npm run build`, `prepare` and before the tests): builds the
// smsit-twilio command into out/cli with Vite, so running it needs no TypeScript compiler.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNode } from './check-node.mjs';

const problem = checkNode();
if (problem) {
  console.error(problem);
  process.exit(1);
}
const { build } = await import('vite');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'out/cli');

await build({
  configFile: false,
  logLevel: 'warn',
  root,
  // zod is bundled (tree-shaken to what the schemas use): loading the whole package cost ~90 ms per command.
  ssr: { noExternal: ['zod'] },
  build: {
    ssr: resolve(root, 'electron/cli/index.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'index.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
