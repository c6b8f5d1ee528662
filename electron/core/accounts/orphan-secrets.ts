/** Finds and deletes keychain entries whose account is gone (a removal whose keychain step failed, a crash). */
import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CORRUPT_PREFIX, type RegistryFile } from '../registry/registry-file';
import type { AccountRecord, Registry } from '../registry/registry-schema';
import type { SecretRef, SecretStore } from '../secrets/secret-store';
import { storedSecretPurposes } from '../twilio/auth-header';

function stillUsed(record: AccountRecord | undefined, ref: SecretRef): boolean {
  return record !== undefined && storedSecretPurposes(record).includes(ref.purpose);
}

/**
 * How long a secret marked pending (written outside the lock, its account not saved yet) is spared.
 * A save takes seconds, a keychain prompt minutes; a mark older than this was left by a crash.
 */
export const PENDING_SECRET_GRACE_MS = 60 * 60 * 1000;

function pendingNow(registry: Registry, now: Date): Registry['pendingSecrets'] {
  return (registry.pendingSecrets ?? []).filter((entry) => now.getTime() - Date.parse(entry.since) < PENDING_SECRET_GRACE_MS);
}

async function damagedRegistryKept(registry: RegistryFile): Promise<boolean> {
  const names = await readdir(dirname(registry.path)).catch(() => [] as string[]);
  return names.some((name) => name.startsWith(CORRUPT_PREFIX));
}

/** The saved accounts' secrets the keychain does not have (deleted outside the app). */
export async function findMissingSecrets(registry: RegistryFile, listed: SecretRef[]): Promise<{ account: AccountRecord; purpose: SecretRef['purpose'] }[]> {
  const { accounts } = await registry.read();
  const has = (id: string, purpose: SecretRef['purpose']) => listed.some((ref) => ref.accountId === id && ref.purpose === purpose);
  return accounts.flatMap((account) => {
    return storedSecretPurposes(account).filter((purpose) => !has(account.id, purpose)).map((purpose) => ({ account, purpose }));
  });
}

/** The entries no saved account uses. */
export async function findOrphanSecrets(registry: RegistryFile, secrets: SecretStore, now = new Date(), listed?: SecretRef[]): Promise<SecretRef[]> {
  // The keychain first, then the registry: a secret listed was marked pending before it was written,
  // so the registry read after it knows about it. `listed`: a list just taken (the start-up probe).
  const refs = listed ?? (await secrets.list());
  const current = await registry.read();
  const byId = new Map(current.accounts.map((account) => [account.id, account]));
  const pending = pendingNow(current, now) ?? [];
  const isPending = (ref: SecretRef) => pending.some((entry) => entry.accountId === ref.accountId && entry.purpose === ref.purpose);
  return refs.filter((ref) => !stillUsed(byId.get(ref.accountId), ref) && !isPending(ref));
}

/**
 * Deletes the orphans, under the registry lock so that an account being saved right now is not
 * mistaken for one. While a damaged registry is kept aside nothing is deleted: its accounts'
 * secrets may still be wanted.
 */
export async function cleanOrphanSecrets(registry: RegistryFile, secrets: SecretStore, now = new Date(), listed?: SecretRef[]): Promise<SecretRef[]> {
  if (await damagedRegistryKept(registry)) return [];
  return registry.update(async (current) => {
    const orphans = await findOrphanSecrets(registry, secrets, now, listed);
    for (const ref of orphans) await secrets.delete(ref.accountId, ref.purpose);
    // Marks left by a crash have had their secrets deleted just now.
    const pending = pendingNow(current, now) ?? [];
    if (pending.length > 0) current.pendingSecrets = pending;
    else delete current.pendingSecrets;
    return orphans;
  });
}
