/**
 * The credentials of a saved account, read from the keychain, and the HTTP Basic header they
 * make (Twilio: `AccountSid:AuthToken` or `KeySid:KeySecret`, with the Account SID still in
 * the URL path — twilio-node RequestClient). For the endpoint and the account operations.
 */
import type { AccountStore } from '../accounts/account-store';
import { secretPurposeFor } from '../accounts/account-summary';
import type { AccountRecord } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';
import type { TwilioCredentials } from './draft-check';

/** `Basic base64(user:secret)`, the user being the API Key SID or the Account SID. */
export function authorizationHeader(record: Pick<AccountRecord, 'authType' | 'accountSid' | 'apiKeySid'>, secret: string): string {
  const user = record.authType === 'apiKey' && record.apiKeySid ? record.apiKeySid : record.accountSid;
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}

/** Credentials built from a record and a secret of the given purpose. */
export function credentialsFromRecord(record: AccountRecord, purpose: SecretPurpose, secret: string): TwilioCredentials {
  const useKey = purpose === 'api-key-secret' || purpose === 'api-key-secret-next';
  return {
    authType: useKey ? 'apiKey' : 'authToken',
    accountSid: record.accountSid,
    apiKeySid: useKey ? record.apiKeySid : null,
    secret,
    region: record.region,
    edge: record.edge,
  };
}

/** The credentials an account authenticates with (its API key, or its auth token), read from the keychain. */
export async function credentialsFor(record: AccountRecord, accounts: AccountStore, purpose?: SecretPurpose): Promise<TwilioCredentials> {
  const chosen: SecretPurpose = purpose ?? secretPurposeFor(record);
  return credentialsFromRecord(record, chosen, await accounts.readSecret(record, chosen));
}
