// `smsit-twilio accounts age-warning DAYS|off`: the setting the tray's key-age warning reads.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../../electron/core/accounts/account-store';
import { RegistryFile } from '../../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { runCli } from '../../../electron/cli/index';
import { tempDir } from '../../helpers/temp-dir';

async function setup() {
  const dir = await tempDir('smsit-age-');
  const registry = new RegistryFile({ path: join(dir, 'accounts.json') });
  const secrets = new MemorySecretStore();
  const context = { env: {}, dataDir: dir, registry, secrets, accounts: new AccountStore({ registry, secrets }) };
  const run = async (...args: string[]) => {
    const out = { stdout: '', stderr: '' };
    const code = await runCli(args, { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, stdin: new PassThrough() }, { context: async () => context });
    return { code, ...out };
  };
  return { registry, run };
}

describe('smsit-twilio accounts age-warning', () => {
  it('sets the number of days and turns the warning off again', async () => {
    const { registry, run } = await setup();
    expect(await run('accounts', 'age-warning', '90')).toMatchObject({ code: 0, stdout: 'The tray will warn when a key or token is 90 days old or older.\n' });
    expect((await registry.read()).settings).toEqual({ keyAgeWarningDays: 90 });
    expect((await run('accounts', 'age-warning', 'OFF')).code).toBe(0);
    expect((await registry.read()).settings).toEqual({ keyAgeWarningDays: null });
  });

  it('refuses anything but 1–3650 days or "off" (exit 2)', async () => {
    const { run } = await setup();
    for (const wrong of ['0', '2.5', 'soon', '4000']) expect((await run('accounts', 'age-warning', wrong)).code).toBe(2);
  });
});
