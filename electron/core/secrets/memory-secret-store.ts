/** An in-memory SecretStore for unit tests, which can be told to fail like a broken keychain. */
import { AppError } from '../errors';
import { entryName, parseEntryName, type SecretPurpose, type SecretRef, type SecretStore } from './secret-store';

export type MemoryStoreOperation = 'get' | 'set' | 'delete' | 'list';

/** Keeps secrets in a Map; `failOn` makes chosen operations throw `keychain-unavailable`. */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  failOn = new Set<MemoryStoreOperation>();

  private check(operation: MemoryStoreOperation): void {
    if (this.failOn.has(operation)) {
      throw new AppError('keychain-unavailable', `The keychain refused to ${operation} a secret (test fake).`);
    }
  }

  async get(accountId: string, purpose: SecretPurpose): Promise<string | null> {
    this.check('get');
    return this.entries.get(entryName(accountId, purpose)) ?? null;
  }

  async set(accountId: string, purpose: SecretPurpose, secret: string): Promise<void> {
    this.check('set');
    this.entries.set(entryName(accountId, purpose), secret);
  }

  async delete(accountId: string, purpose: SecretPurpose): Promise<boolean> {
    this.check('delete');
    return this.entries.delete(entryName(accountId, purpose));
  }

  async list(): Promise<SecretRef[]> {
    this.check('list');
    return [...this.entries.keys()].map(parseEntryName).filter((ref): ref is SecretRef => ref !== null);
  }
}
