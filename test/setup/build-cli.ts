/**
 * Vitest global setup: builds the `smsit-twilio` command (out/cli) from the current sources
 * before any test runs, so tests that spawn bin/smsit-twilio.mjs never test a stale build.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUILD = fileURLToPath(new URL('../../scripts/build-cli.mjs', import.meta.url));

/** Runs scripts/build-cli.mjs; a failed build stops the test run with its output. */
export default function setup(): void {
  const result = spawnSync(process.execPath, [BUILD], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Building the CLI for the tests failed:\n${result.stdout}${result.stderr}`);
}
