import { describe, expect, it } from 'vitest';
import { canDeleteKey, toSummary } from '../../../../electron/core/accounts/account-summary';
import { accountRecord } from '../../../helpers/account-records';

describe('canDeleteKey: one rule for the window and the core', () => {
  it('an API key of unknown type is tried (the window used to hide the choice), a Standard one only with the Auth Token kept', () => {
    expect(toSummary(accountRecord({ authType: 'apiKey', keyType: null, keepsAuthToken: false }), null).canDeleteKey).toBe(true);
    expect(canDeleteKey(accountRecord({ authType: 'apiKey', keyType: 'main', keepsAuthToken: false }))).toBe(true);
    expect(canDeleteKey(accountRecord({ authType: 'apiKey', keyType: 'standard', keepsAuthToken: false }))).toBe(false);
    expect(canDeleteKey(accountRecord({ authType: 'apiKey', keyType: 'restricted', keepsAuthToken: true }))).toBe(true);
    expect(canDeleteKey(accountRecord())).toBe(false);
  });
});
