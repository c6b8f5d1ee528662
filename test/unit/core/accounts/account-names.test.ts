import { describe, expect, it } from 'vitest';
import { pickAccount } from '../../../../electron/core/accounts/account-names';
import { accountRecord } from '../../../helpers/account-records';

const cafe = accountRecord({ id: 'c', name: 'Café' });
const bakery = accountRecord({ id: 'b', name: 'Bakery' });

describe('the one account lookup', () => {
  it('finds a name in any case and Unicode form (decomposed é), and an id', () => {
    const registry = { accounts: [bakery, cafe], activeAccountId: 'b' };
    for (const ref of ['Café', 'CAFE\u0301', ' café ', 'c']) expect(pickAccount(registry, ref).id).toBe('c');
  });

  it('without a name gives the active account', () => {
    expect(pickAccount({ accounts: [bakery, cafe], activeAccountId: 'c' }, null).name).toBe('Café');
  });

  it('says which accounts exist when a name is unknown', () => {
    expect(() => pickAccount({ accounts: [bakery, cafe], activeAccountId: null }, 'Dairy')).toThrow(
      expect.objectContaining({ kind: 'unknown-account', message: 'No saved account is named "Dairy". Saved accounts: "Bakery", "Café".' }),
    );
  });

  it('tells "none saved" from "none chosen" when no account is active, naming one to choose', () => {
    expect(() => pickAccount({ accounts: [], activeAccountId: null }, null)).toThrow(
      expect.objectContaining({ kind: 'no-active-account', message: 'No Twilio account is saved yet, so none is active.', details: {} }),
    );
    expect(() => pickAccount({ accounts: [bakery, cafe], activeAccountId: 'gone' }, null)).toThrow(
      expect.objectContaining({ kind: 'no-active-account', details: { account: 'Bakery' } }),
    );
  });
});
