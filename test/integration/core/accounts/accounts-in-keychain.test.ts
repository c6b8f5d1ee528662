import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../../../electron/core/accounts/account-store';
import { cleanOrphanSecrets } from '../../../../electron/core/accounts/orphan-secrets';
import { createAppContext } from '../../../../electron/core/app-context';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { keychainServiceName } from '../../../../electron/core/secrets/secret-store';
import { runScript } from '../../../helpers/run-script';
import * as sample from '../../../helpers/sample-credentials';
import { tempDir } from '../../../helpers/temp-dir';

// Each test gets its own keychain service inside the private test keyring, so files run in parallel.
async function setup() {
  const dataDir = await tempDir();
  const service = `${keychainServiceName()} ${randomUUID()}`;
  const env = { ...process.env, SMSIT_TWILIO_HOME: dataDir, SMSIT_TWILIO_KEYCHAIN_SERVICE: service };
  const context = createAppContext({ env });
  return { ...context, env, service, keychain: new KeytarSecretStore(service) };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Fails if any secret appears in clear in any file of the data folder. */
async function expectNoSecretOnDisk(dataDir: string, secrets: string[]) {
  const files = await filesUnder(dataDir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const secret of secrets) expect(text.includes(secret), `${secret.slice(0, 4)}… found in ${file}`).toBe(false);
  }
}

describe('accounts in the real keychain', () => {
  it('add, list, rename and remove an account; its secret lives in the keychain only', async () => {
    const { accounts, dataDir, keychain } = await setup();
    const token = sample.authToken();
    const record = await accounts.add({ name: 'Production', accountSid: sample.accountSid(), authType: 'authToken', secret: token });
    expect(await keychain.get(record.id, 'auth-token')).toBe(token);
    await expectNoSecretOnDisk(dataDir, [token]);
    await accounts.rename('production', 'Live');
    expect((await accounts.list()).map((a) => [a.name, a.active])).toEqual([['Live', true]]);
    await accounts.remove('Live');
    expect(await accounts.list()).toEqual([]);
    expect(await keychain.list()).toEqual([]);
  });

  it('round-trips 100 accounts with unicode names, secrets intact and none on disk', async () => {
    const { accounts, dataDir, env } = await setup();
    const names = Array.from({ length: 100 }, (_, i) => `${['Café', 'Zürich', '東京', 'Ελλάδα', 'Клиент', '🚀 Launch'][i % 6]} ${i}`);
    const secrets = names.map(() => sample.apiKeySecret());
    for (const [i, name] of names.entries()) {
      await accounts.add({ name, accountSid: sample.accountSid(), authType: 'apiKey', apiKeySid: sample.apiKeySid(), secret: secrets[i]! });
    }
    const fresh = createAppContext({ env }).accounts;
    const listed = await fresh.list();
    expect(listed.map((a) => a.name)).toEqual(names);
    for (const [i, summary] of listed.entries()) expect(await fresh.readSecret(await fresh.find(summary.id))).toBe(secrets[i]);
    await expectNoSecretOnDisk(dataDir, secrets);
  });

  it('two processes saving the same name at once: one wins, the other gets a clear error', async () => {
    const { env, accounts } = await setup();
    const input = (secret: string) => JSON.stringify({ name: 'Shared', accountSid: sample.accountSid(), authType: 'authToken', secret });
    const results = await Promise.all([
      runScript('test/fixtures/add-account.ts', { env, stdin: input(sample.authToken()) }),
      runScript('test/fixtures/add-account.ts', { env, stdin: input(sample.authToken()) }),
    ]);
    const outcomes = results.map((r) => JSON.parse(r.stdout));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok).error).toMatchObject({ kind: 'name-taken', message: expect.stringContaining('"Shared" already exists') });
    const listed = await accounts.list();
    expect(listed).toHaveLength(1);
    const keychain = new KeytarSecretStore(env.SMSIT_TWILIO_KEYCHAIN_SERVICE!);
    expect(await keychain.list()).toEqual([{ accountId: listed[0]!.id, purpose: 'auth-token' }]);
  });

  it('cleans keychain entries whose account is gone', async () => {
    const { registry, keychain } = await setup();
    const accounts = new AccountStore({ registry, secrets: keychain });
    const kept = await accounts.add({ name: 'Kept', accountSid: sample.accountSid(), authType: 'authToken', secret: sample.authToken() });
    await keychain.set(randomUUID(), 'api-key-secret', sample.apiKeySecret());
    expect(await cleanOrphanSecrets(registry, keychain)).toHaveLength(1);
    expect(await keychain.list()).toEqual([{ accountId: kept.id, purpose: 'auth-token' }]);
  });
});
