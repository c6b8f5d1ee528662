/** Where secrets live: only ever the operating system's keychain (or a fake of it in unit tests). */

/**
 * What a secret is for; one keychain entry per account and purpose. The `-next` entries hold a
 * rotation's new secret until the account is switched to it (see rotation/secret-slots.ts).
 */
export type SecretPurpose = 'auth-token' | 'api-key-secret' | 'auth-token-next' | 'api-key-secret-next';

export const SECRET_PURPOSES: readonly SecretPurpose[] = ['auth-token', 'api-key-secret', 'auth-token-next', 'api-key-secret-next'];

/** What a secret of this purpose is called in every message: a rotation's `-next` entry is still an Auth Token or an API Key Secret. */
export function secretPurposeName(purpose: SecretPurpose): 'Auth Token' | 'API Key Secret' {
  return purpose.startsWith('auth-token') ? 'Auth Token' : 'API Key Secret';
}

/** A keychain entry's identity, without its secret. */
export interface SecretRef {
  accountId: string;
  purpose: SecretPurpose;
}

/** The small surface the app needs from a keychain, so a successor to keytar is a one-file change. */
export interface SecretStore {
  get(accountId: string, purpose: SecretPurpose): Promise<string | null>;
  set(accountId: string, purpose: SecretPurpose, secret: string): Promise<void>;
  /** True when an entry was there to delete. */
  delete(accountId: string, purpose: SecretPurpose): Promise<boolean>;
  /** Every entry of this app's service, for finding secrets whose account is gone. */
  list(): Promise<SecretRef[]>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'SMS-iT Twilio Credentials';

/** The keychain service name: `SMSIT_TWILIO_KEYCHAIN_SERVICE` when set (tests), else the product name. */
export function keychainServiceName(env: NodeJS.ProcessEnv = process.env): string {
  return env.SMSIT_TWILIO_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}

/** The keychain entry name: a stable account id and the purpose, e.g. `3f2a…/auth-token`. */
export function entryName(accountId: string, purpose: SecretPurpose): string {
  return `${accountId}/${purpose}`;
}

/** Reads an entry name back; null for entries this app did not write. */
export function parseEntryName(name: string): SecretRef | null {
  const slash = name.lastIndexOf('/');
  if (slash <= 0) return null;
  const purpose = name.slice(slash + 1) as SecretPurpose;
  if (!SECRET_PURPOSES.includes(purpose)) return null;
  return { accountId: name.slice(0, slash), purpose };
}
