/** No button of the window stays busy (disabled, "Working…") after a call that failed outright. */
import { describe, expect, it } from 'vitest';
import { OnboardingFlow } from '../../../renderer/src/lib/onboarding-flow.svelte';
import { AccountsModel } from '../../../renderer/src/lib/accounts-model.svelte';
import { EngineAccess } from '../../../renderer/src/lib/engine-access.svelte';
import { fakeSmsitApi } from './fake-smsit-api';

const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
const KEY_SID = 'SK' + 'fedcba9876543210'.repeat(2);
const SECRET = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';

/** A fake api whose every call rejects, as an IPC call does when main goes away mid-call. */
function throwingApi() {
  const fake = fakeSmsitApi();
  return new Proxy(fake.api, {
    get: (target, key) => (typeof key === 'string' && key.includes(':') ? async () => Promise.reject(new Error('main went away')) : Reflect.get(target, key)),
  });
}

describe('busy flags', () => {
  it('frees Verify and save again when the call itself fails', async () => {
    const flow = new OnboardingFlow(throwingApi());
    flow.choose('apiKey');
    flow.accountSid = ACCOUNT_SID;
    flow.apiKeySid = KEY_SID;
    flow.secret = SECRET;
    flow.name = 'Shop';
    await expect(flow.save()).rejects.toThrow('main went away');
    expect(flow.busy).toBeNull();
  });

  it('frees the account and token buttons again when the call itself fails', async () => {
    const accounts = new AccountsModel(throwingApi());
    await expect(accounts.verify('a1')).rejects.toThrow('main went away');
    expect(accounts.busyId).toBeNull();
    const engine = new EngineAccess(throwingApi());
    await expect(engine.createToken('engine')).rejects.toThrow('main went away');
    expect(engine.busy).toBe(false);
  });
});
