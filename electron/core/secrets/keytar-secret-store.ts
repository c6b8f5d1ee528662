/** The SecretStore on keytar: macOS Keychain, Windows Credential Manager, the Linux Secret Service. */
import { AppError } from '../errors';
import { keychainUnavailable } from './keychain-errors';
import { entryName, parseEntryName, type SecretPurpose, type SecretRef, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

/** Loads the keytar module; the default imports it, tests pass one that fails as a broken install does. */
export type KeytarLoader = () => Promise<Keytar>;

const importKeytar: KeytarLoader = async () => {
  const loaded = (await import('keytar')) as Keytar & { default?: Keytar };
  return loaded.default ?? loaded;
};

/**
 * What a failed load of keytar means, told by the error's code (never by its text): the native
 * module was found but its shared libraries were not (ERR_DLOPEN_FAILED: libsecret missing on
 * Linux), or the module is not there at all (not installed, or its build was skipped).
 */
export function keytarLoadError(cause: unknown, platform: NodeJS.Platform = process.platform): unknown {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'ERR_DLOPEN_FAILED') {
    return new AppError(
      'keychain-unavailable',
      `The system keychain could not be opened: its native module did not load${platform === 'linux' ? ' (libsecret is missing)' : ''}.`,
      {},
      { cause },
    );
  }
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    return new AppError(
      'keychain-unavailable',
      'The system keychain could not be opened: the keytar module is not installed or was not built. Run "npm rebuild keytar" (or "npm ci") in the app folder, then try again.',
      {},
      { cause },
    );
  }
  return cause;
}

/** Stores each secret as one generic-password entry of `service`, named `accountId/purpose`. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(
    private readonly service: string,
    private readonly load: KeytarLoader = importKeytar,
  ) {}

  /** keytar, loaded on first use: commands that never touch the keychain do not load it. */
  private module(): Promise<Keytar> {
    this.keytar ??= this.load().catch((cause: unknown) => {
      this.keytar = undefined;
      throw keytarLoadError(cause);
    });
    return this.keytar;
  }

  async get(accountId: string, purpose: SecretPurpose): Promise<string | null> {
    const keytar = await this.module();
    try {
      return await keytar.getPassword(this.service, entryName(accountId, purpose));
    } catch (cause) {
      throw keychainUnavailable('read a secret', cause);
    }
  }

  async set(accountId: string, purpose: SecretPurpose, secret: string): Promise<void> {
    const keytar = await this.module();
    try {
      await keytar.setPassword(this.service, entryName(accountId, purpose), secret);
    } catch (cause) {
      throw keychainUnavailable('save the secret', cause);
    }
  }

  async delete(accountId: string, purpose: SecretPurpose): Promise<boolean> {
    const keytar = await this.module();
    try {
      return await keytar.deletePassword(this.service, entryName(accountId, purpose));
    } catch (cause) {
      throw keychainUnavailable('delete a secret', cause);
    }
  }

  async list(): Promise<SecretRef[]> {
    const keytar = await this.module();
    try {
      const found = await keytar.findCredentials(this.service);
      return found.map((entry) => parseEntryName(entry.account)).filter((ref): ref is SecretRef => ref !== null);
    } catch (cause) {
      throw keychainUnavailable('list its entries', cause);
    }
  }
}
