/** The SecretStore on keytar: macOS Keychain, Windows Credential Manager, the Linux Secret Service. */
import keytar from 'keytar';
import { keychainUnavailable } from './keychain-errors';
import { entryName, parseEntryName, type SecretPurpose, type SecretRef, type SecretStore } from './secret-store';

/** Stores each secret as one generic-password entry of `service`, named `accountId/purpose`. */
export class KeytarSecretStore implements SecretStore {
  constructor(private readonly service: string) {}

  async get(accountId: string, purpose: SecretPurpose): Promise<string | null> {
    try {
      return await keytar.getPassword(this.service, entryName(accountId, purpose));
    } catch (cause) {
      throw keychainUnavailable('read a secret', cause);
    }
  }

  async set(accountId: string, purpose: SecretPurpose, secret: string): Promise<void> {
    try {
      await keytar.setPassword(this.service, entryName(accountId, purpose), secret);
    } catch (cause) {
      throw keychainUnavailable('save the secret', cause);
    }
  }

  async delete(accountId: string, purpose: SecretPurpose): Promise<boolean> {
    try {
      return await keytar.deletePassword(this.service, entryName(accountId, purpose));
    } catch (cause) {
      throw keychainUnavailable('delete a secret', cause);
    }
  }

  async list(): Promise<SecretRef[]> {
    try {
      const found = await keytar.findCredentials(this.service);
      return found.map((entry) => parseEntryName(entry.account)).filter((ref): ref is SecretRef => ref !== null);
    } catch (cause) {
      throw keychainUnavailable('list its entries', cause);
    }
  }
}
