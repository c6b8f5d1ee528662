// `smsit-twilio import` in this process with a keychain that can be told to fail: a failed save
// never scrubs, and the paths the real bin cannot reach on Node 20 (a missing --env-file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';
import { memoryHomePerTest, recordedIo } from '../../helpers/memory-home';

const fake = fakeTwilioForFile();
const home = memoryHomePerTest({ prefix: 'smsit-import-mem-' });

async function run(args: string[]) {
  const { streams, out } = recordedIo();
  const code = await runCli(args, streams, { env: { SMSIT_TWILIO_API_BASE: fake.url, HOME: home.dir }, context: async () => home.context });
  return { code, ...out };
}

/** A .env file in the home holding a new fake account's SID and Auth Token; its text, to check it was left alone. */
function envFileWithAccount(name: string): { envFile: string; text: string } {
  const account = fake.state.addAccount();
  const envFile = join(home.dir, name);
  const text = `TWILIO_ACCOUNT_SID=${account.sid}\nTWILIO_AUTH_TOKEN=${account.authToken}\n`;
  writeFileSync(envFile, text);
  return { envFile, text };
}

describe('smsit-twilio import, keychain failures', () => {
  it('does not scrub when the keychain cannot store the secret (exit 3), and saves nothing', async () => {
    const { envFile, text } = envFileWithAccount('.env');
    home.secrets.failOn.add('set');
    const result = await run(['import', '--all', '--scrub', '--env-file', envFile]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('not imported. The keychain refused');
    expect(readFileSync(envFile, 'utf8')).toBe(text);
    expect(await home.context.accounts.list()).toEqual([]);
  });

  it('does not scrub when the keychain does not give the secret back, but keeps the verified account', async () => {
    const { envFile, text } = envFileWithAccount('x.env');
    home.secrets.failOn.add('get');
    const result = await run(['import', '1', '--scrub', '--env-file', envFile]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Not scrubbed:');
    expect(readFileSync(envFile, 'utf8')).toBe(text);
    expect(await home.context.accounts.list()).toHaveLength(1);
  });

  it('says a --env-file that is not there is not there (exit 2)', async () => {
    const result = await run(['import', '--env-file', join(home.dir, 'missing.env')]);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(`There is no file ${join(home.dir, 'missing.env')}`)]);
  });
});
