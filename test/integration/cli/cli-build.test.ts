// The `smsit-twilio` command runs built JavaScript: one clear sentence when the build is missing,
// and the heavy packages (twilio, keytar, zod) loaded only by the commands that need them.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-script';
import { tempDir } from '../../helpers/temp-dir';
import { accountSid, authToken } from '../../helpers/sample-credentials';
import { runSmsitTwilio } from './run-smsit-twilio';

const BIN = fileURLToPath(new URL('../../../bin/smsit-twilio.mjs', import.meta.url));
const RECORDER = fileURLToPath(new URL('../../fixtures/record-imports.mjs', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await tempDir('smsit-cli-build-');
});

/** The packages `smsit-twilio args…` imported, in a process of its own. */
async function packagesImportedBy(args: string[], input = '') {
  const record = join(dir, `imports-${args.join('-')}.txt`);
  writeFileSync(record, '');
  const run = await runNode(['--import', RECORDER, BIN, ...args], { env: { ...process.env, SMSIT_TWILIO_HOME: dir, RECORD_IMPORTS_FILE: record }, stdin: input });
  expect(run.code, run.stderr).toBe(0);
  return new Set(readFileSync(record, 'utf8').split('\n').filter(Boolean));
}

describe('the built command', () => {
  it('says in one sentence how to build it when out/cli is missing', async () => {
    // A clone where nothing is built yet: the bin, the Node check and package.json, no out/.
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(BIN, join(dir, 'bin', 'smsit-twilio.mjs'));
    copyFileSync(fileURLToPath(new URL('../../../scripts/check-node.mjs', import.meta.url)), join(dir, 'scripts', 'check-node.mjs'));
    copyFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), join(dir, 'package.json'));
    const run = await runNode([join(dir, 'bin', 'smsit-twilio.mjs'), '--help']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`smsit-twilio is not built yet: run "npm run build:cli" (or "npm install") in ${dir}/, then try again.\n`);
  });

  it('runs without tsx: the bin imports only built JavaScript', () => {
    const bin = readFileSync(BIN, 'utf8');
    expect(bin).not.toMatch(/tsx|\.ts['"]/);
    expect(bin).toContain("'../out/cli/index.js'");
  });

  it('loads twilio only for commands that talk to Twilio, and keytar only for commands that read the keychain', async () => {
    const help = await packagesImportedBy(['--help']);
    expect([...help].filter((name) => ['twilio', 'keytar', 'zod'].includes(name))).toEqual([]);

    const add = await runSmsitTwilio(['accounts', 'add', 'Bakery', '--account-sid', accountSid(), '--no-verify'], { input: `${authToken()}\n`, env: { SMSIT_TWILIO_HOME: dir } });
    expect(add.code, add.stderr).toBe(0);
    try {
      const list = await packagesImportedBy(['accounts', 'list']);
      expect(list.has('twilio')).toBe(false);
      expect(list.has('keytar')).toBe(false);
      const headers = await packagesImportedBy(['headers', '--json']);
      expect(headers.has('twilio')).toBe(false);
      expect(headers.has('keytar')).toBe(true);
      const verify = await runNode(['--import', RECORDER, BIN, 'verify', '--account-sid', accountSid()], {
        env: { ...process.env, SMSIT_TWILIO_HOME: dir, SMSIT_TWILIO_API_BASE: 'http://127.0.0.1:9', RECORD_IMPORTS_FILE: join(dir, 'verify.txt') },
        stdin: `${authToken()}\n`,
      });
      expect(verify.code).toBe(4);
      expect(readFileSync(join(dir, 'verify.txt'), 'utf8').split('\n')).toContain('twilio');
    } finally {
      await runSmsitTwilio(['accounts', 'remove', 'Bakery'], { env: { SMSIT_TWILIO_HOME: dir } });
    }
  });
});
