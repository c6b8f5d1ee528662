#!/usr/bin/env node
// `npm run screenshots`: runs the end-to-end scenarios with UPDATE_SCREENSHOTS=1, so they write
// docs/screenshots/*.png (a plain `npm test` writes them to test-results/screenshots only).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [join(root, 'test', 'setup', 'with-private-keyring.mjs'), process.execPath, vitest, 'run', 'test/e2e'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, UPDATE_SCREENSHOTS: '1' },
});
process.exit(result.status ?? 1);
