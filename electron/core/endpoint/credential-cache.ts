/**
 * Secrets read from the keychain once and kept in memory, so requests never wait on the keychain
 * (and never make it prompt per request, Leapp #318). Dropped whenever anything about the
 * accounts' credentials changes, so a removed account or a switched key is never served stale.
 */
import type { AccountRecord } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';

/** Reads one secret of an account (AccountStore.readSecret). */
export type SecretReader = (record: AccountRecord, purpose: SecretPurpose) => Promise<string>;

/** What a cache entry depends on: when it differs after a registry change, the cache is dropped. */
export function credentialFingerprint(accounts: readonly AccountRecord[]): string {
  return JSON.stringify(accounts.map((a) => [a.id, a.accountSid, a.authType, a.apiKeySid, a.keepsAuthToken, a.secretInNext === true, a.otherAuthTokenUntil ?? 'none']));
}

/** One in-flight or finished keychain read per account and purpose. A failed read is forgotten, so it is retried. */
export class CredentialCache {
  private entries = new Map<string, Promise<string>>();

  constructor(private readonly read: SecretReader) {}

  /** The secret of `record` for `purpose`, from memory when it was read before. */
  get(record: AccountRecord, purpose: SecretPurpose): Promise<string> {
    const key = `${record.id}/${purpose}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const entries = this.entries;
    const reading = this.read(record, purpose);
    entries.set(key, reading);
    reading.catch(() => {
      if (entries.get(key) === reading) entries.delete(key);
    });
    return reading;
  }

  /** Forgets every secret. */
  clear(): void {
    this.entries = new Map();
  }

  /** How many secrets are held (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
