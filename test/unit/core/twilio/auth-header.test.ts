import { describe, expect, it } from 'vitest';
import { authorizationHeader, basicAuthorization, basicUser, requestSecretPurpose } from '../../../../electron/core/twilio/auth-header';
import { accountRecord } from '../../../helpers/account-records';

describe('which secret signs requests, and the Basic header', () => {
  it('an API key account signs with its key secret as the key SID; an Auth Token account with its token as the Account SID', () => {
    const keyed = accountRecord({ authType: 'apiKey', keepsAuthToken: true });
    const token = accountRecord();
    expect([requestSecretPurpose(keyed), basicUser(keyed)]).toEqual(['api-key-secret', keyed.apiKeySid]);
    expect([requestSecretPurpose(token), basicUser(token)]).toEqual(['auth-token', token.accountSid]);
  });

  it('encodes user:secret in base64 after "Basic "', () => {
    expect(basicAuthorization('AC1', 'pa:ss')).toBe(`Basic ${Buffer.from('AC1:pa:ss').toString('base64')}`);
    const keyed = accountRecord({ authType: 'apiKey' });
    expect(authorizationHeader(keyed, 's')).toBe(basicAuthorization(keyed.apiKeySid!, 's'));
  });
});
