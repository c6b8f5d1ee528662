/** Finds and deletes keychain entries whose account is gone (a removal whose keychain step failed, a crash). */
import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CORRUPT_PREFIX, type RegistryFile } from '../registry/registry-file';
import type { AccountRecord } from '../registry/registry-schema';
import type { SecretRef, SecretStore } from '../secrets/secret-store';
import { requestSecretPurpose } from '../twilio/auth-header';

function stillUsed(record: AccountRecord | undefined, ref: SecretRef): boolean {
  if (!record) return false;
  if (ref.purpose === requestSecretPurpose(record)) return true;
  return ref.purpose === 'auth-token' && record.keepsAuthToken;
}

async function damagedRegistryKept(registry: RegistryFile): Promise<boolean> {
  const names = await readdir(dirname(registry.path)).catch(() => [] as string[]);
  return names.some((name) => name.startsWith(CORRUPT_PREFIX));
}

/** The entries no saved account uses. */
export async function findOrphanSecrets(registry: RegistryFile, secrets: SecretStore): Promise<SecretRef[]> {
  const [{ accounts }, refs] = await Promise.all([registry.read(), secrets.list()]);
  const byId = new Map(accounts.map((account) => [account.id, account]));
  return refs.filter((ref) => !stillUsed(byId.get(ref.accountId), ref));
}

/**
 * Deletes the orphans, under the registry lock so that an account being saved right now is not
 * mistaken for one. While a damaged registry is kept aside nothing is deleted: its accounts'
 * secrets may still be wanted.
 */
export async function cleanOrphanSecrets(registry: RegistryFile, secrets: SecretStore): Promise<SecretRef[]> {
  if (await damagedRegistryKept(registry)) return [];
  return registry.update(async () => {
    const orphans = await findOrphanSecrets(registry, secrets);
    for (const ref of orphans) await secrets.delete(ref.accountId, ref.purpose);
    return orphans;
  });
}
