#!/usr/bin/env node
// `npm run bench:cli`: start-up time of the built `smsit-twilio` command beside `node -e 0`,
// median of 10 runs each: `--help`, `accounts list` and `headers --json` on a data folder with
// one saved account. Run inside a private keyring (package.json wraps it in with-private-keyring.mjs).
// Goal: each within 150 ms of `node -e 0`. A script that prints figures, not a timed test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 10;
const GOAL_MS = 150;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'smsit-twilio.mjs');

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const home = mkdtempSync(join(tmpdir(), 'smsit-bench-cli-'));
const env = { ...process.env, SMSIT_TWILIO_HOME: home, SMSIT_TWILIO_KEYCHAIN_SERVICE: 'SMS-iT Twilio Credentials (bench)' };

function run(args, input = '') {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, input, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
}

try {
  run([bin, 'accounts', 'add', 'Bench', '--account-sid', `AC${'0123456789abcdef'.repeat(2)}`, '--no-verify'], `${'f'.repeat(32)}\n`);
  const cases = [
    ['node -e 0', ['-e', '0']],
    ['--help', [bin, '--help']],
    ['accounts list', [bin, 'accounts', 'list']],
    ['headers --json', [bin, 'headers', '--json']],
  ];
  // One warm-up round, so the first case does not pay for a cold file cache.
  for (const [, args] of cases) run(args);
  const medians = new Map();
  for (let i = 0; i < RUNS; i += 1) {
    // Interleaved rounds: a burst of load on this machine hits every case alike.
    for (const [name, args] of cases) medians.set(name, [...(medians.get(name) ?? []), run(args)]);
  }
  const baseline = median(medians.get('node -e 0'));
  console.log(`CLI start-up, median of ${RUNS} (Node ${process.version}, goal: within ${GOAL_MS} ms of node -e 0):`);
  for (const [name] of cases) {
    const value = median(medians.get(name));
    const extra = name === 'node -e 0' ? '' : `  (+${(value - baseline).toFixed(1)} ms, ${value - baseline <= GOAL_MS ? 'within' : 'over'} the goal)`;
    console.log(`${name}: ${value.toFixed(1)} ms${extra}`);
  }
} finally {
  spawnSync(process.execPath, [bin, 'accounts', 'remove', 'Bench'], { env, stdio: 'ignore' });
  rmSync(home, { recursive: true, force: true });
}
