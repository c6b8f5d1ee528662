// The account operations that involve Twilio, through the core: a real registry file in a temp
// folder, an in-memory keychain that can be told to fail, and the fake Twilio.
import { beforeEach, describe, expect, it } from 'vitest';
import { addAccount, removeAccount, upgradeAccount, verifyAccount } from '../../../../electron/core/accounts/account-operations';
import type { AccountStore } from '../../../../electron/core/accounts/account-store';
import type { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store';
import { TwilioService } from '../../../../electron/core/twilio/twilio-service';
import { fakeTwilioForFile } from '../../../helpers/fake-twilio-for-file';
import { memoryHomePerTest } from '../../../helpers/memory-home';

const fake = fakeTwilioForFile();
let secrets: MemorySecretStore;
let accounts: AccountStore;
let deps: { accounts: AccountStore; twilio: TwilioService; sleep: (ms: number) => Promise<void>; computerName: () => string };
let waits: number[];

const home = memoryHomePerTest({ prefix: 'smsit-ops-' });
beforeEach(() => {
  ({ secrets } = home);
  ({ accounts } = home.context);
  waits = [];
  deps = { accounts, twilio: new TwilioService({ apiBase: fake.url, sleep: async () => {} }), sleep: async (ms) => void waits.push(ms), computerName: () => 'studio-mac' };
});

function tokenDraft() {
  const account = fake.state.addAccount({ friendlyName: 'Acme' });
  return { account, draft: { authType: 'authToken' as const, accountSid: account.sid, secret: account.authToken } };
}

describe('addAccount', () => {
  it('verifies, then saves the account with what Twilio said', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'standard' });
    const { account: saved, report } = await addAccount(deps, {
      name: 'Production',
      draft: { authType: 'apiKey', accountSid: account.sid, apiKeySid: ` ${key.sid}`, secret: `${key.secret}\n` },
      verify: true,
    });
    expect(report?.keyType).toBe('standard');
    expect(saved).toMatchObject({ name: 'Production', authType: 'apiKey', apiKeySid: key.sid, keyType: 'standard', active: true, lastVerification: { ok: true } });
    expect(await secrets.get(saved.id, 'api-key-secret')).toBe(key.secret);
  });

  it('does not save credentials Twilio rejects', async () => {
    const { draft } = tokenDraft();
    await expect(addAccount(deps, { name: 'Bad', draft: { ...draft, secret: 'f'.repeat(32) }, verify: true })).rejects.toMatchObject({ kind: 'invalid-credentials' });
    expect(await accounts.list()).toEqual([]);
    expect(secrets.entries.size).toBe(0);
  });

  it('saves without asking Twilio when verification is off', async () => {
    const { draft } = tokenDraft();
    const before = fake.requests.length;
    const { account, report } = await addAccount(deps, { name: 'Offline', draft, verify: false });
    expect(report).toBeNull();
    expect(account.lastVerification).toBeNull();
    expect(fake.requests.length).toBe(before);
  });
});

describe('verifyAccount', () => {
  it('verifies a saved account and records the outcome', async () => {
    const { account, draft } = tokenDraft();
    const { account: saved } = await addAccount(deps, { name: 'Acme', draft, verify: false });
    const report = await verifyAccount(deps, 'acme');
    expect(report).toMatchObject({ ok: true, account: { friendlyName: 'Acme' } });
    account.status = 'suspended';
    await verifyAccount(deps, saved.id);
    const [summary] = await accounts.list();
    expect(summary?.lastVerification).toMatchObject({ ok: false, status: 'suspended', error: { kind: 'account-inactive' } });
  });
});

describe('upgradeAccount', () => {
  it('creates a Standard key, stores its secret, verifies it and switches the account, dropping the auth token', async () => {
    const { account, draft } = tokenDraft();
    const { account: saved } = await addAccount(deps, { name: 'Acme', draft, verify: true });
    const { account: upgraded, report } = await upgradeAccount(deps, 'Acme', { keepAuthToken: false });
    const [key] = fake.state.keysOf(account.sid);
    // Named so the Console's list tells it apart from the keys of other accounts and computers.
    expect(key).toMatchObject({ friendlyName: 'SMS-iT Workflow integration (Acme @ studio-mac)', keyType: 'standard' });
    expect(upgraded).toMatchObject({ authType: 'apiKey', apiKeySid: key!.sid, keyType: 'standard', keepsAuthToken: false });
    expect(report).toMatchObject({ ok: true, authType: 'apiKey', keyType: 'standard' });
    expect(await secrets.get(saved.id, 'api-key-secret')).toBe(key!.secret);
    expect(await secrets.get(saved.id, 'auth-token')).toBeNull();
  });

  it('keeps the auth token when asked (for webhook signatures)', async () => {
    const { account, draft } = tokenDraft();
    const { account: saved } = await addAccount(deps, { name: 'Acme', draft, verify: true });
    const { account: upgraded } = await upgradeAccount(deps, saved.id, { keepAuthToken: true });
    expect(upgraded.keepsAuthToken).toBe(true);
    expect(await secrets.get(saved.id, 'auth-token')).toBe(account.authToken);
  });

  it('deletes the new key at Twilio when its secret cannot be stored, and says so', async () => {
    const { account, draft } = tokenDraft();
    await addAccount(deps, { name: 'Acme', draft, verify: true });
    secrets.failOn.add('set');
    const failure = upgradeAccount(deps, 'Acme', { keepAuthToken: false });
    await expect(failure).rejects.toMatchObject({ kind: 'keychain-unavailable' });
    await expect(failure).rejects.toThrow(/deleted at Twilio again, so nothing is left behind/);
    expect(fake.state.keysOf(account.sid)).toEqual([]);
    const [summary] = await accounts.list();
    expect(summary).toMatchObject({ authType: 'authToken', apiKeySid: null });
  });

  it('names the orphan key when it cannot be deleted at Twilio either', async () => {
    const { draft } = tokenDraft();
    await addAccount(deps, { name: 'Acme', draft, verify: true });
    secrets.failOn.add('set');
    fake.inject({ status: 500, path: /\/Keys\/SK/ });
    await expect(upgradeAccount(deps, 'Acme', { keepAuthToken: false })).rejects.toThrow(/could not be deleted at Twilio either: delete it in the Twilio Console/);
  });

  it('asks again when Twilio refuses the key it has just created, before taking it back', async () => {
    const { account, draft } = tokenDraft();
    await addAccount(deps, { name: 'Acme', draft, verify: true });
    // The first check of the new key is refused with 20003, as a key not yet usable everywhere would be.
    let refusals = 0;
    const slowToActivate: typeof fetch = async (input, init) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      const user = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':')[0] ?? '';
      if (user.startsWith('SK') && refusals < 2) {
        refusals += 1;
        return new Response(JSON.stringify({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 }), { status: 401, headers: { 'content-type': 'application/json' } });
      }
      return fetch(input, init);
    };
    const patient = { ...deps, twilio: new TwilioService({ apiBase: fake.url, fetch: slowToActivate, sleep: async () => {} }) };
    const { account: upgraded } = await upgradeAccount(patient, 'Acme', { keepAuthToken: false });
    expect(upgraded.authType).toBe('apiKey');
    expect(waits).toEqual([1_000]);
    expect(fake.state.keysOf(account.sid)).toHaveLength(1);
  });

  it('refuses an account that already uses an API key', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'main' });
    await addAccount(deps, { name: 'Key', draft: { authType: 'apiKey', accountSid: account.sid, apiKeySid: key.sid, secret: key.secret }, verify: true });
    await expect(upgradeAccount(deps, 'Key', { keepAuthToken: false })).rejects.toMatchObject({ kind: 'bad-input' });
  });
});

describe('removeAccount', () => {
  it('deletes the API key at Twilio first (with the kept auth token), then removes the account', async () => {
    const { account, draft } = tokenDraft();
    await addAccount(deps, { name: 'Acme', draft, verify: true });
    await upgradeAccount(deps, 'Acme', { keepAuthToken: true });
    expect(fake.state.keysOf(account.sid)).toHaveLength(1);
    expect(await removeAccount(deps, 'Acme', { deleteKey: true })).toEqual({ keyDeleted: true, warnings: [] });
    expect(fake.state.keysOf(account.sid)).toEqual([]);
    expect(await accounts.list()).toEqual([]);
    expect(secrets.entries.size).toBe(0);
  });

  it('deletes a Main key with itself', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'main' });
    await addAccount(deps, { name: 'Main', draft: { authType: 'apiKey', accountSid: account.sid, apiKeySid: key.sid, secret: key.secret }, verify: true });
    expect(await removeAccount(deps, 'Main', { deleteKey: true })).toEqual({ keyDeleted: true, warnings: [] });
    expect(fake.state.keys.has(key.sid)).toBe(false);
  });

  it('says a Standard key alone cannot delete itself, and removes nothing', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'standard' });
    await addAccount(deps, { name: 'Std', draft: { authType: 'apiKey', accountSid: account.sid, apiKeySid: key.sid, secret: key.secret }, verify: true });
    await expect(removeAccount(deps, 'Std', { deleteKey: true })).rejects.toThrow(/needs the account's Auth Token or a Main API key/);
    expect(await accounts.list()).toHaveLength(1);
    expect(fake.state.keys.has(key.sid)).toBe(true);
  });

  it('keeps the account when Twilio cannot be reached for the deletion', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'main' });
    await addAccount(deps, { name: 'Main', draft: { authType: 'apiKey', accountSid: account.sid, apiKeySid: key.sid, secret: key.secret }, verify: true });
    fake.inject({ status: 503 });
    await expect(removeAccount(deps, 'Main', { deleteKey: true })).rejects.toThrow(/Nothing was removed/);
    expect(await accounts.list()).toHaveLength(1);
  });

  it('removes without touching Twilio when not asked to delete the key', async () => {
    const { draft } = tokenDraft();
    await addAccount(deps, { name: 'Acme', draft, verify: false });
    const before = fake.requests.length;
    expect(await removeAccount(deps, 'Acme', { deleteKey: false })).toEqual({ keyDeleted: false, warnings: [] });
    expect(fake.requests.length).toBe(before);
  });
});
