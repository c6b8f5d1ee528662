/**
 * Which credential of an account Twilio lets manage API keys (its /Keys resource: make, delete):
 * the one rule behind rotating a key and deleting one, in the core and, through the summary, the window.
 */
import type { AccountRecord } from '../registry/registry-schema';
import { credentialsFor } from '../twilio/auth-header';
import type { TwilioCredentials } from '../twilio/draft-check';
import type { AccountStore } from './account-store';

/**
 * Whether the account holds such a credential: the kept Auth Token, or its own key unless that is
 * known to be Standard or Restricted (only the Auth Token and Main keys may; an unknown type is tried).
 */
export function mayManageKeys(record: Pick<AccountRecord, 'keyType' | 'keepsAuthToken'>): boolean {
  return record.keepsAuthToken || (record.keyType !== 'standard' && record.keyType !== 'restricted');
}

/** The credentials to manage keys with (ask mayManageKeys first): the kept Auth Token, else the account's own key. */
export function keyManagingCredentials(accounts: AccountStore, record: AccountRecord): Promise<TwilioCredentials> {
  return credentialsFor(record, accounts, record.keepsAuthToken ? 'auth-token' : 'api-key-secret');
}
