import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { activeAccount } from '../../../../electron/core/accounts/account-names';
import { cleanOrphanSecrets, findOrphanSecrets } from '../../../../electron/core/accounts/orphan-secrets';
import { RegistryFile, type RegistryFileOptions } from '../../../../electron/core/registry/registry-file';
import { emptyRegistry } from '../../../../electron/core/registry/registry-schema';
import { checkDraft } from '../../../../electron/core/twilio/draft-check';
import * as sample from '../../../helpers/sample-credentials';
import { memoryHome } from '../../../helpers/memory-home';
import { tempDir } from '../../../helpers/temp-dir';

async function setup(registry: Omit<RegistryFileOptions, 'path'> = {}) {
  const { dir, secrets, context } = memoryHome({ dir: await tempDir(), registry });
  return { dir, registry: context.registry, secrets, accounts: context.accounts };
}

const tokenAccount = (name: string) => ({ name, accountSid: sample.accountSid(), authType: 'authToken' as const, secret: sample.authToken() });

describe('saving accounts', () => {
  it('names swapped SIDs as swapped when saving without verification, in the same words verification uses', async () => {
    const { accounts, secrets } = await setup();
    const [ac, sk] = [sample.accountSid(), sample.apiKeySid()];
    const draft = { authType: 'apiKey' as const, accountSid: sk, apiKeySid: ac, secret: sample.apiKeySecret() };
    const checked = (() => { try { checkDraft(draft); } catch (error) { return error; } })();
    await expect(accounts.add({ name: 'Swapped', ...draft })).rejects.toMatchObject({
      kind: 'bad-input',
      message: 'The Account SID and the API Key SID are swapped: the Account SID starts with AC, the API Key SID with SK.',
      details: { field: 'accountSid' },
    });
    await expect(accounts.add({ name: 'Swapped', ...draft })).rejects.toEqual(checked);
    expect(secrets.entries.size).toBe(0);
  });

  it('makes the first account active and keeps its secret only in the keychain', async () => {
    const { accounts, secrets } = await setup();
    const input = tokenAccount('Production');
    const record = await accounts.add(input);
    const [summary] = await accounts.list();
    expect(summary).toMatchObject({ name: 'Production', active: true, authType: 'authToken', keepsAuthToken: true });
    expect(JSON.stringify(summary)).not.toContain(input.secret);
    expect(await accounts.readSecret(record)).toBe(input.secret);
    expect(secrets.entries.size).toBe(1);
  });

  it('refuses a second account whose name differs only in case', async () => {
    const { accounts } = await setup();
    await accounts.add(tokenAccount('Client Å'));
    await expect(accounts.add(tokenAccount('client å'))).rejects.toMatchObject({ kind: 'name-taken', message: expect.stringContaining('"Client Å" already exists') });
  });

  it('saves nothing when the keychain refuses the secret', async () => {
    const { accounts, secrets, registry } = await setup();
    secrets.failOn.add('set');
    await expect(accounts.add(tokenAccount('A'))).rejects.toMatchObject({ kind: 'keychain-unavailable' });
    expect(await accounts.list()).toEqual([]);
    expect(await registry.read()).toEqual(emptyRegistry());
  });

  it('takes the secret back out of the keychain when the registry cannot be written', async () => {
    const { accounts, secrets } = await setup({ writeFile: async () => Promise.reject(Object.assign(new Error('nope'), { code: 'EACCES' })) });
    await expect(accounts.add(tokenAccount('A'))).rejects.toMatchObject({ kind: 'io' });
    expect(secrets.entries.size).toBe(0);
    expect(await accounts.list()).toEqual([]);
  });

  it('does not hold the registry while the keychain is slow (a prompt): other changes go through and are kept', async () => {
    const { accounts, secrets, registry } = await setup({ lockTimeoutMs: 500 });
    let answer!: () => void;
    const prompt = new Promise<void>((resolve) => (answer = resolve));
    let asked!: () => void;
    const promptOpen = new Promise<void>((resolve) => (asked = resolve));
    const set = secrets.set.bind(secrets);
    secrets.set = async (...args) => {
      await set(...args);
      asked();
      await prompt; // written, but the keychain call has not returned yet
    };
    const adding = accounts.add(tokenAccount('Slow keychain'));
    await promptOpen;
    // Another process (its own RegistryFile) pauses the endpoint meanwhile, and the orphan cleaner runs.
    await new RegistryFile({ path: registry.path, lockTimeoutMs: 500 }).update((current) => void (current.engine.paused = true));
    expect(await cleanOrphanSecrets(registry, secrets)).toEqual([]);
    answer();
    const record = await adding;
    const after = await registry.read();
    expect(after.engine.paused).toBe(true);
    expect(after.accounts.map((account) => account.name)).toEqual(['Slow keychain']);
    expect(after.pendingSecrets).toBeUndefined();
    expect(await accounts.readSecret(record)).toBeTruthy();
  });

  it('rejects malformed values before touching the keychain, naming the field', async () => {
    const { accounts, secrets } = await setup();
    await expect(accounts.add({ ...tokenAccount('A'), accountSid: sample.apiKeySid() })).rejects.toMatchObject({ kind: 'bad-input', details: { field: 'accountSid' } });
    await expect(accounts.add({ ...tokenAccount('A'), region: 'mars1' })).rejects.toMatchObject({ kind: 'bad-input', message: expect.stringMatching(/not a Twilio region/) });
    await expect(accounts.add({ ...tokenAccount('  ') })).rejects.toMatchObject({ kind: 'bad-input', details: { field: 'name' } });
    expect(secrets.entries.size).toBe(0);
  });

  it('stores an API key account with its key SID and, when asked, its auth token for webhooks', async () => {
    const { accounts, secrets } = await setup();
    const record = await accounts.add({
      name: 'Key',
      accountSid: sample.accountSid(),
      authType: 'apiKey',
      apiKeySid: sample.apiKeySid(),
      secret: sample.apiKeySecret(),
      authToken: sample.authToken(),
      region: 'IE1',
    });
    expect(record).toMatchObject({ authType: 'apiKey', keepsAuthToken: true, region: 'ie1' });
    expect([...secrets.entries.keys()].sort()).toEqual([`${record.id}/api-key-secret`, `${record.id}/auth-token`]);
  });
});

describe('managing accounts', () => {
  it('renames, activates and finds accounts by name in any case or by id', async () => {
    const { accounts } = await setup();
    const a = await accounts.add(tokenAccount('Alpha'));
    const b = await accounts.add(tokenAccount('Beta'));
    await accounts.activate('BETA');
    expect(activeAccount(await accounts.registry.read()).id).toBe(b.id);
    await accounts.rename(a.id, 'Älpha');
    expect((await accounts.find('älpha')).id).toBe(a.id);
    await expect(accounts.find('Gamma')).rejects.toMatchObject({ kind: 'unknown-account', message: expect.stringContaining('"Älpha", "Beta"') });
  });

  it('removing the active account leaves none active and deletes its secrets', async () => {
    const { accounts, secrets } = await setup();
    const a = await accounts.add(tokenAccount('A'));
    await accounts.add(tokenAccount('B'));
    await accounts.remove('A');
    expect(secrets.entries.has(`${a.id}/auth-token`)).toBe(false);
    await expect(accounts.registry.read().then(activeAccount)).rejects.toMatchObject({ kind: 'no-active-account', message: 'No Twilio account is active. Saved accounts: "B".', details: { account: 'B' } });
  });

  it('finds and cleans secrets whose account is gone, and keeps those in use', async () => {
    const { accounts, secrets, registry } = await setup();
    const kept = await accounts.add(tokenAccount('Kept'));
    const gone = await accounts.add(tokenAccount('Gone'));
    secrets.failOn.add('delete');
    await accounts.remove('Gone');
    secrets.failOn.clear();
    expect(await findOrphanSecrets(registry, secrets)).toEqual([{ accountId: gone.id, purpose: 'auth-token' }]);
    expect(await cleanOrphanSecrets(registry, secrets)).toHaveLength(1);
    expect([...secrets.entries.keys()]).toEqual([`${kept.id}/auth-token`]);
  });

  it('says so when an account’s secret was deleted outside the app', async () => {
    const { accounts, secrets } = await setup();
    const record = await accounts.add(tokenAccount('A'));
    secrets.entries.clear();
    await expect(accounts.readSecret(record)).rejects.toMatchObject({ kind: 'secret-missing', message: expect.stringMatching(/Remove the account and add it again/) });
  });
});
