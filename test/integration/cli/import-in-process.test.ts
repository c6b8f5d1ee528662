// `smsit-twilio import` in this process with a keychain that can be told to fail: a failed save
// never scrubs, and the paths the real bin cannot reach on Node 20 (a missing --env-file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountStore } from '../../../electron/core/accounts/account-store';
import type { AppContext } from '../../../electron/core/app-context';
import { RegistryFile } from '../../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { runCli } from '../../../electron/cli/index';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fake-twilio';
import { tempDir } from '../../helpers/temp-dir';

let fake: FakeTwilio;
let dir: string;
let secrets: MemorySecretStore;
let context: AppContext;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(async () => {
  dir = await tempDir('smsit-import-mem-');
  secrets = new MemorySecretStore();
  const registry = new RegistryFile({ path: join(dir, 'accounts.json') });
  context = { env: {}, dataDir: dir, registry, secrets, accounts: new AccountStore({ registry, secrets }), apiBase: null };
});

async function run(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const stdin = new PassThrough();
  stdin.end('');
  const code = await runCli(args, { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, stdin }, {
    env: { SMSIT_TWILIO_API_BASE: fake.url, HOME: dir },
    context: async () => context,
  });
  return { code, ...out };
}

describe('smsit-twilio import, keychain failures', () => {
  it('does not scrub when the keychain cannot store the secret (exit 3), and saves nothing', async () => {
    const account = fake.state.addAccount();
    const envFile = join(dir, '.env');
    const text = `TWILIO_ACCOUNT_SID=${account.sid}\nTWILIO_AUTH_TOKEN=${account.authToken}\n`;
    writeFileSync(envFile, text);
    secrets.failOn.add('set');
    const result = await run(['import', '--all', '--scrub', '--env-file', envFile]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('not imported. The keychain refused');
    expect(readFileSync(envFile, 'utf8')).toBe(text);
    expect(await context.accounts.list()).toEqual([]);
  });

  it('does not scrub when the keychain does not give the secret back, but keeps the verified account', async () => {
    const account = fake.state.addAccount();
    const envFile = join(dir, 'x.env');
    const text = `TWILIO_ACCOUNT_SID=${account.sid}\nTWILIO_AUTH_TOKEN=${account.authToken}\n`;
    writeFileSync(envFile, text);
    secrets.failOn.add('get');
    const result = await run(['import', '1', '--scrub', '--env-file', envFile]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Not scrubbed:');
    expect(readFileSync(envFile, 'utf8')).toBe(text);
    expect(await context.accounts.list()).toHaveLength(1);
  });

  it('says a --env-file that is not there is not there (exit 2)', async () => {
    const result = await run(['import', '--env-file', join(dir, 'missing.env')]);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(`There is no file ${join(dir, 'missing.env')}`)]);
  });
});
