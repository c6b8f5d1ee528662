// Node versions stated once and truly: package.json "engines" is the one statement; the README,
// .ci/run and every entry point agree with it, and an older Node gets one sentence, not a crash.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-script';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const PRETEND_18 = root('test/fixtures/pretend-node-18.mjs');
const SENTENCE =
  'SMS-iT Twilio Credentials needs Node.js 20.19+ or 22.12+ (package.json "engines"), and this is Node v18.20.4: install a supported Node.js from https://nodejs.org, then run the command again.\n';

describe('Node versions', () => {
  it('are written once in package.json, and the README and .ci/run say the same', () => {
    const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as { engines: { node: string } };
    // 20.19 and 22.12 are where require() of ES modules is on by default, which Electron's installer needs.
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    const readme = readFileSync(root('README.md'), 'utf8');
    expect(readme).toContain('Node.js](https://nodejs.org) 20.19+ or 22.12+');
    expect(readme).not.toMatch(/Node(\.js)? \d+(\.\d+)? or newer/);
    expect(readFileSync(root('.ci/run'), 'utf8')).toContain('node scripts/check-node.mjs');
  });

  it('an older Node gets one sentence from the command line, npm start and the install build, and a non-zero exit', async () => {
    for (const [script, code] of [
      ['bin/smsit-twilio.mjs', 2],
      ['scripts/ensure-electron.mjs', 1],
      ['scripts/build-cli.mjs', 1],
      ['scripts/check-node.mjs', 1],
    ] as const) {
      const run = await runNode(['--import', PRETEND_18, root(script), '--help']);
      expect([script, run.code, run.stderr, run.stdout]).toEqual([script, code, SENTENCE, '']);
    }
  });

  it('a supported Node passes the check', async () => {
    const run = await runNode([root('scripts/check-node.mjs')]);
    expect([run.code, run.stderr]).toEqual([0, '']);
  });
});
