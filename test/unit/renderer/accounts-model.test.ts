/** Actions on saved accounts: what each sends, and what the user is told after it. */
import { describe, expect, it } from 'vitest';
import { AccountsModel } from '../../../renderer/src/lib/accounts-model.svelte';
import type { AccountSummary, VerificationReport } from '../../../electron/shared/app-types';
import { fakeSmsitApi } from './fake-smsit-api';

const account = { id: 'a1', name: 'Shop', apiKeySid: 'SK' + '1'.repeat(32) } as AccountSummary;

describe('AccountsModel', () => {
  it('announces a successful verification with the account name and status', async () => {
    const fake = fakeSmsitApi();
    const report = { ok: true, account: { friendlyName: 'Shop Ltd', status: 'active' } } as VerificationReport;
    fake.answer('accounts:verify', { ok: true, value: report });
    const model = new AccountsModel(fake.api);
    await model.verify('a1');
    expect(model.notices.a1).toMatchObject({ tone: 'success', text: 'Verified: Shop Ltd is active.', report });
    expect(model.announcement).toBe('Verified: Shop Ltd is active.');
    expect(model.busyId).toBeNull();
  });

  it('keeps the core\'s error (kind and message) when Twilio refuses the saved credentials', async () => {
    const fake = fakeSmsitApi();
    const error = { kind: 'invalid-credentials' as const, message: 'Twilio did not accept this API key.' };
    fake.answer('accounts:verify', { ok: true, value: { ok: false, error } as VerificationReport });
    const model = new AccountsModel(fake.api);
    await model.verify('a1');
    expect(model.notices.a1).toMatchObject({ tone: 'error', error });
  });

  it('sends rename, activate and upgrade to their channels and reports failures as they came', async () => {
    const fake = fakeSmsitApi();
    fake.answer('accounts:rename', { ok: false, error: { kind: 'name-taken', message: 'Taken.' } });
    fake.answer('accounts:activate', { ok: true, value: account });
    fake.answer('accounts:upgrade', { ok: true, value: { account, report: { ok: true } as VerificationReport } });
    const model = new AccountsModel(fake.api);
    expect(await model.rename('a1', ' New ')).toBe(false);
    expect(await model.activate('a1')).toBe(true);
    expect(await model.upgrade('a1', false)).toBe(true);
    expect(fake.calls).toEqual([
      { channel: 'accounts:rename', input: { id: 'a1', name: 'New' } },
      { channel: 'accounts:activate', input: { id: 'a1' } },
      { channel: 'accounts:upgrade', input: { id: 'a1', keepAuthToken: false } },
    ]);
    expect(model.notices.a1?.text).toBe(`"Shop" now signs in with API key ${account.apiKeySid}.`);
  });

  it('says whether the key was deleted at Twilio when an account is removed', async () => {
    const fake = fakeSmsitApi();
    fake.answer('accounts:remove', { ok: true, value: { keyDeleted: true, warnings: [] } });
    fake.answer('accounts:activate', { ok: true, value: account });
    const model = new AccountsModel(fake.api);
    await model.activate('a1');
    expect(model.notices.a1).toBeDefined();
    expect(await model.remove('a1', 'Shop', true)).toBe(true);
    expect(fake.calls.at(-1)).toEqual({ channel: 'accounts:remove', input: { id: 'a1', deleteKey: true } });
    expect(model.announcement).toBe('Removed "Shop" and deleted its API key at Twilio.');
    expect(model.notices.a1).toBeUndefined();
  });
});
