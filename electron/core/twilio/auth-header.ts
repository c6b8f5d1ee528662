/**
 * The credentials of a saved account, read from the keychain, and the HTTP Basic header they
 * make (Twilio: `AccountSid:AuthToken` or `KeySid:KeySecret`, with the Account SID still in
 * the URL path — twilio-node RequestClient). For the endpoint and the account operations.
 */
import type { AccountStore } from '../accounts/account-store';
import type { AccountRecord } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';
import type { TwilioCredentials } from './draft-check';

/**
 * The keychain entry whose secret signs an account's requests: its API key secret, else its auth
 * token — the `-next` entry while a rotation switches the account (rotation/secret-slots.ts).
 */
export function requestSecretPurpose(record: Pick<AccountRecord, 'authType' | 'secretInNext'>): SecretPurpose {
  const base = record.authType === 'apiKey' ? 'api-key-secret' : 'auth-token';
  return record.secretInNext ? `${base}-next` : base;
}

/** Every keychain entry a saved account keeps: the one that signs its requests, plus its auth token when it keeps one. */
export function storedSecretPurposes(record: Pick<AccountRecord, 'authType' | 'keepsAuthToken' | 'secretInNext'>): SecretPurpose[] {
  const request = requestSecretPurpose(record);
  return record.keepsAuthToken && request !== 'auth-token' ? [request, 'auth-token'] : [request];
}

/** The Basic user name Twilio expects: the API Key SID for API key credentials, else the Account SID. */
export function basicUser(credentials: Pick<AccountRecord, 'authType' | 'accountSid' | 'apiKeySid'>): string {
  return credentials.authType === 'apiKey' && credentials.apiKeySid ? credentials.apiKeySid : credentials.accountSid;
}

/** `Basic base64(user:secret)`: the one place the pair is encoded. */
export function basicAuthorization(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}

/** The Authorization header of an account's requests, given the secret `requestSecretPurpose` names. */
export function authorizationHeader(record: Pick<AccountRecord, 'authType' | 'accountSid' | 'apiKeySid'>, secret: string): string {
  return basicAuthorization(basicUser(record), secret);
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
  const chosen = purpose ?? requestSecretPurpose(record);
  return credentialsFromRecord(record, chosen, await accounts.readSecret(record, chosen));
}
