import { describe, expect, it } from 'vitest';
import { canDeleteKey, toSummary } from '../../../../electron/core/accounts/account-summary';
import { accountRecord } from '../../../helpers/account-records';

describe('canDeleteKey: one rule for the window and the core', () => {
  it('an API key of unknown type is tried (the window used to hide the choice), a Standard one only with the Auth Token kept', () => {
    expect(toSummary(accountRecord({ authType: 'apiKey', keyType: null, keepsAuthToken: false }), { accounts: [], activeAccountId: null }).canDeleteKey).toBe(true);
    expect(canDeleteKey(accountRecord({ authType: 'apiKey', keyType: 'main', keepsAuthToken: false }))).toBe(true);
    expect(canDeleteKey(accountRecord({ authType: 'apiKey', keyType: 'standard', keepsAuthToken: false }))).toBe(false);
    expect(canDeleteKey(accountRecord({ authType: 'apiKey', keyType: 'restricted', keepsAuthToken: true }))).toBe(true);
    expect(canDeleteKey(accountRecord())).toBe(false);
  });
});

describe('canRotate: one rule for the window\'s Rotate button and the core', () => {
  it.each([
    ['an API key of unknown type (the window used to hide Rotate; the core tries it)', { authType: 'apiKey', keyType: null, keepsAuthToken: false }, true],
    ['a Main key', { authType: 'apiKey', keyType: 'main', keepsAuthToken: false }, true],
    ['a Standard key alone', { authType: 'apiKey', keyType: 'standard', keepsAuthToken: false }, false],
    ['a Restricted key with the Auth Token kept', { authType: 'apiKey', keyType: 'restricted', keepsAuthToken: true }, true],
    ['an Auth Token', { authType: 'authToken', keyType: null, keepsAuthToken: true }, true],
  ] as const)('%s', (_what, fields, expected) => {
    expect(toSummary(accountRecord(fields), { accounts: [], activeAccountId: null }).canRotate).toBe(expected);
  });
});

describe('a key two saved accounts share', () => {
  it('is not offered for deletion in the window, which names the other account (the core refuses it too)', () => {
    const shop = accountRecord({ id: 'shop', name: 'Shop', authType: 'apiKey', keyType: 'main', keepsAuthToken: false });
    const staging = { ...shop, id: 'staging', name: 'Staging' };
    const alone = accountRecord({ id: 'alone', name: 'Alone', authType: 'apiKey', keyType: 'main', keepsAuthToken: false });
    const all = [shop, staging, alone];
    expect(toSummary(shop, { accounts: all, activeAccountId: null })).toMatchObject({ canDeleteKey: false, keySharedWith: ['Staging'] });
    expect(toSummary(alone, { accounts: all, activeAccountId: null })).toMatchObject({ canDeleteKey: true, keySharedWith: [] });
  });
});

describe('active: one rule, the registry pointer', () => {
  it('marks the account the registry points at, and no other, for the tray, the window and the command line alike', () => {
    const shop = accountRecord({ id: 'shop', name: 'Shop' });
    const staging = accountRecord({ id: 'staging', name: 'Staging' });
    const registry = { accounts: [shop, staging], activeAccountId: 'staging' };
    expect(registry.accounts.map((record) => [record.name, toSummary(record, registry).active])).toEqual([['Shop', false], ['Staging', true]]);
    expect(toSummary(shop, { ...registry, activeAccountId: null }).active).toBe(false);
  });
});
