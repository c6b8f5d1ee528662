/**
 * How a rotation switches an account to a new secret without a moment where the endpoint pairs
 * the old key SID with the new secret (or reads a token Twilio refuses): the new secret waits in
 * the account's `-next` keychain entry, one registry write points the account at it (and at the
 * new key SID), then it is copied into the usual entry and a second write points back there.
 * Every reader asks `requestSecretPurpose(record)` (twilio/auth-header.ts), so each of them sees one consistent pair.
 */
import { findAccount } from '../accounts/account-names';
import type { AccountStore } from '../accounts/account-store';
import type { AccountRecord, Registry } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';

/** The usual keychain entry of an account's request secret, and its `-next` twin. */
export function slotPurposes(record: Pick<AccountRecord, 'authType'>): { base: SecretPurpose; next: SecretPurpose } {
  return record.authType === 'apiKey' ? { base: 'api-key-secret', next: 'api-key-secret-next' } : { base: 'auth-token', next: 'auth-token-next' };
}

function releasePending(registry: Registry, accountId: string, purpose: SecretPurpose): void {
  const left = (registry.pendingSecrets ?? []).filter((entry) => entry.accountId !== accountId || entry.purpose !== purpose);
  if (left.length > 0) registry.pendingSecrets = left;
  else delete registry.pendingSecrets;
}

/** Changes one account's record under the registry lock (re-read there, so no other change is lost). */
export function updateRecord(accounts: AccountStore, id: string, change: (record: AccountRecord, registry: Registry) => void): Promise<AccountRecord> {
  return accounts.registry.update((registry) => {
    const record = findAccount(registry.accounts, id);
    change(record, registry);
    return record;
  });
}

/** The switch, in one registry write: the account uses the secret waiting in `-next` (and, for keys, the new SID). */
export function switchToNext(accounts: AccountStore, id: string, change: Partial<Pick<AccountRecord, 'apiKeySid' | 'keyType' | 'otherAuthTokenUntil' | 'lastVerification'>>, now: Date): Promise<AccountRecord> {
  return updateRecord(accounts, id, (record, registry) => {
    Object.assign(record, change);
    record.secretInNext = true;
    record.secretCreatedAt = now.toISOString();
    releasePending(registry, record.id, slotPurposes(record).next);
  });
}

/**
 * Moves the new secret from `-next` into the usual entry and points the account back there.
 * If the keychain fails on the way, the account stays on `-next`, which works: false is returned.
 */
export async function settleInBase(accounts: AccountStore, record: AccountRecord, secret: string, after: Partial<Pick<AccountRecord, 'otherAuthTokenUntil'>> = {}): Promise<boolean> {
  const { base, next } = slotPurposes(record);
  try {
    await accounts.secrets.set(record.id, base, secret);
    await updateRecord(accounts, record.id, (found) => {
      delete found.secretInNext;
      if ('otherAuthTokenUntil' in after) {
        if (after.otherAuthTokenUntil === undefined) delete found.otherAuthTokenUntil;
        else found.otherAuthTokenUntil = after.otherAuthTokenUntil;
      }
    });
  } catch {
    return false;
  }
  await accounts.secrets.delete(record.id, next).catch(() => false);
  return true;
}
