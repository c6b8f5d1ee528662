/** How a saved account is shown outside the core: no secret, not even part of one. */
import type { AccountSummary } from '../../shared/app-types';
import type { AccountRecord, Registry } from '../registry/registry-schema';
import { isActiveAccount } from './account-names';
import { mayManageKeys } from './key-management';

/** The other saved accounts that use the same API key SID as `record` (deleting the key would break them). */
export function accountsSharingKey(accounts: readonly AccountRecord[], record: Pick<AccountRecord, 'id' | 'apiKeySid'>): AccountRecord[] {
  const sid = record.apiKeySid?.toUpperCase();
  if (!sid) return [];
  return accounts.filter((account) => account.id !== record.id && account.authType === 'apiKey' && account.apiKeySid?.toUpperCase() === sid);
}

/** A fixed mask: no character of a secret ever leaves the keychain for display. */
export const SECRET_MASK = '••••••••••••••••';

/** Whether the app may try to delete this account's API key at Twilio: it has one, and may manage keys. The one rule for the window's checkbox and the core. */
export function canDeleteKey(record: Pick<AccountRecord, 'authType' | 'apiKeySid' | 'keyType' | 'keepsAuthToken'>): boolean {
  return record.authType === 'apiKey' && Boolean(record.apiKeySid) && mayManageKeys(record);
}

/** Whether the account can be rotated: an Auth Token always can; a key needs a credential that may manage keys. The one rule for the window's button and the core. */
export function canRotate(record: Pick<AccountRecord, 'authType' | 'keyType' | 'keepsAuthToken'>): boolean {
  return record.authType === 'authToken' || mayManageKeys(record);
}

/** The summary every shell sees of `record` in `registry` (which says whether it is active and who shares its key). */
export function toSummary(record: AccountRecord, registry: Pick<Registry, 'accounts' | 'activeAccountId'>): AccountSummary {
  const sharing = accountsSharingKey(registry.accounts, record).map((account) => account.name);
  return {
    id: record.id,
    name: record.name,
    accountSid: record.accountSid,
    authType: record.authType,
    apiKeySid: record.apiKeySid,
    keyType: record.keyType,
    region: record.region,
    edge: record.edge,
    keepsAuthToken: record.keepsAuthToken,
    active: isActiveAccount(registry, record),
    canDeleteKey: canDeleteKey(record) && sharing.length === 0,
    canRotate: canRotate(record),
    keySharedWith: sharing,
    maskedSecret: SECRET_MASK,
    createdAt: record.createdAt,
    secretCreatedAt: record.secretCreatedAt ?? null,
    lastVerification: record.lastVerification,
  };
}
