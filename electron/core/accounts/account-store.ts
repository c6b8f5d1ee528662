/** Saved accounts: metadata in the registry file, secrets in the keychain, never one without the other. */
import { randomUUID } from 'node:crypto';
import type { AccountSummary, KeyType, VerificationSummary } from '../../shared/app-types';
import { AppError } from '../errors';
import type { RegistryFile } from '../registry/registry-file';
import type { AccountRecord, Registry } from '../registry/registry-schema';
import { SECRET_PURPOSES, secretPurposeName, type SecretPurpose, type SecretStore } from '../secrets/secret-store';
import { assertNameFree, cleanAccountName, findAccount } from './account-names';
import { requestSecretPurpose, storedSecretPurposes } from '../twilio/auth-header';
import { toSummary } from './account-summary';
import { cleanNewAccount, type NewAccount } from './new-account-input';

export interface AccountStoreOptions {
  registry: RegistryFile;
  secrets: SecretStore;
  newId?: () => string;
  now?: () => Date;
}

/** What switching an account to an API key needs; its secret is stored first with `storeSecret`. */
export interface ApiKeySwitch {
  apiKeySid: string;
  keyType: KeyType | null;
  keepAuthToken: boolean;
}

/** Drops the pending marks of these secrets (see pendingSecretSchema). */
function release(registry: Registry, accountId: string, purposes: SecretPurpose[]): void {
  const left = (registry.pendingSecrets ?? []).filter((entry) => entry.accountId !== accountId || !purposes.includes(entry.purpose));
  if (left.length > 0) registry.pendingSecrets = left;
  else delete registry.pendingSecrets;
}

/** Add, find, rename, activate and remove accounts; read and store their secrets. */
export class AccountStore {
  readonly registry: RegistryFile;
  readonly secrets: SecretStore;
  private readonly newId: () => string;
  private readonly now: () => Date;

  constructor(options: AccountStoreOptions) {
    this.registry = options.registry;
    this.secrets = options.secrets;
    this.newId = options.newId ?? randomUUID;
    this.now = options.now ?? (() => new Date());
  }

  /** Every account, active one marked, in the order they were added. */
  async list(): Promise<AccountSummary[]> {
    const registry = await this.registry.read();
    return registry.accounts.map((record) => toSummary(record, registry));
  }

  /** The account with this id or name (any case). */
  async find(ref: string): Promise<AccountRecord> {
    return findAccount((await this.registry.read()).accounts, ref);
  }

  /** The summary of one account as it is now. */
  async summary(ref: string): Promise<AccountSummary> {
    const registry = await this.registry.read();
    return toSummary(findAccount(registry.accounts, ref), registry);
  }

  /**
   * Saves a new account, all or nothing: its secrets go to the keychain first — outside the registry
   * lock, since a keychain prompt may take minutes — and are deleted again if the registry cannot be
   * written. The registry is re-read under the lock before the write, so no other change is lost.
   * The first account becomes active.
   */
  async add(input: NewAccount): Promise<AccountRecord> {
    const name = cleanAccountName(input.name);
    const clean = cleanNewAccount(input);
    const record: AccountRecord = {
      id: this.newId(),
      name,
      accountSid: clean.accountSid,
      authType: input.authType,
      apiKeySid: clean.apiKeySid,
      keyType: input.authType === 'apiKey' ? (input.keyType ?? input.verification?.keyType ?? null) : null,
      region: clean.region,
      edge: clean.edge,
      keepsAuthToken: input.authType === 'authToken' || clean.authToken !== null,
      createdAt: this.now().toISOString(),
      lastVerification: input.verification ?? null,
    };
    const secrets: [SecretPurpose, string][] = [[requestSecretPurpose(record), clean.secret]];
    if (clean.authToken !== null) secrets.push(['auth-token', clean.authToken]);
    const purposes = secrets.map(([purpose]) => purpose);
    await this.registry.update((registry) => {
      assertNameFree(registry.accounts, name);
      this.reserve(registry, record.id, purposes);
    });
    const written: SecretPurpose[] = [];
    try {
      for (const [purpose, secret] of secrets) {
        await this.secrets.set(record.id, purpose, secret);
        written.push(purpose);
      }
      await this.registry.update((registry) => {
        assertNameFree(registry.accounts, name);
        release(registry, record.id, purposes);
        registry.accounts.push(record);
        if (registry.activeAccountId === null) registry.activeAccountId = record.id;
      });
    } catch (error) {
      await Promise.allSettled(written.map((purpose) => this.secrets.delete(record.id, purpose)));
      await this.registry.update((registry) => release(registry, record.id, purposes)).catch(() => undefined);
      throw error;
    }
    return record;
  }

  /** Gives an account a new unique name. */
  async rename(ref: string, newName: string): Promise<AccountRecord> {
    const name = cleanAccountName(newName);
    return this.registry.update((registry) => {
      const record = findAccount(registry.accounts, ref);
      assertNameFree(registry.accounts, name, record.id);
      record.name = name;
      return record;
    });
  }

  /** Makes an account the one the engine gets. */
  async activate(ref: string): Promise<AccountRecord> {
    return this.registry.update((registry) => {
      const record = findAccount(registry.accounts, ref);
      registry.activeAccountId = record.id;
      return record;
    });
  }

  /**
   * Removes an account and then its keychain entries. If it was active, no account is active
   * afterwards: the engine must not silently start using another Twilio account. Says which of its
   * secrets the keychain could not delete (cleanOrphanSecrets deletes them later).
   */
  async remove(ref: string): Promise<{ record: AccountRecord; secretsLeft: SecretPurpose[] }> {
    const record = await this.registry.update((registry) => {
      const found = findAccount(registry.accounts, ref);
      registry.accounts = registry.accounts.filter((account) => account.id !== found.id);
      if (registry.activeAccountId === found.id) registry.activeAccountId = null;
      return found;
    });
    const used = storedSecretPurposes(record);
    const unused = SECRET_PURPOSES.filter((purpose) => !used.includes(purpose));
    const outcomes = await Promise.allSettled(used.map((purpose) => this.secrets.delete(record.id, purpose)));
    // A purpose the account never used has no entry to leave behind; deleting it is only tidying.
    await Promise.allSettled(unused.map((purpose) => this.secrets.delete(record.id, purpose)));
    return { record, secretsLeft: used.filter((_, index) => outcomes[index]!.status === 'rejected') };
  }

  /** The secret of one purpose; throws `secret-missing` when the keychain entry is gone. */
  async readSecret(record: AccountRecord, purpose: SecretPurpose = requestSecretPurpose(record)): Promise<string> {
    const secret = await this.secrets.get(record.id, purpose);
    if (secret === null) {
      throw new AppError(
        'secret-missing',
        `The keychain has no ${secretPurposeName(purpose)} for "${record.name}" any more (it may have been deleted outside this app). Remove the account and add it again.`,
      );
    }
    return secret;
  }

  /**
   * Stores one secret of an existing account (a new API key's secret, kept before anything else);
   * it stays marked as pending until `switchToApiKey` or `discardSecret`, so the orphan cleaner spares it.
   */
  async storeSecret(record: AccountRecord, purpose: SecretPurpose, secret: string): Promise<void> {
    await this.registry.update((registry) => this.reserve(registry, record.id, [purpose]));
    try {
      await this.secrets.set(record.id, purpose, secret);
    } catch (error) {
      await this.registry.update((registry) => release(registry, record.id, [purpose])).catch(() => undefined);
      throw error;
    }
  }

  /** Deletes a secret stored with `storeSecret` that will not be used after all; true if it was there. */
  async discardSecret(record: AccountRecord, purpose: SecretPurpose): Promise<boolean> {
    const deleted = await this.secrets.delete(record.id, purpose).catch(() => false);
    await this.registry.update((registry) => release(registry, record.id, [purpose])).catch(() => undefined);
    return deleted;
  }

  private reserve(registry: Registry, accountId: string, purposes: SecretPurpose[]): void {
    const since = this.now().toISOString();
    registry.pendingSecrets = [...(registry.pendingSecrets ?? []), ...purposes.map((purpose) => ({ accountId, purpose, since }))];
  }

  /** Switches an account to its API key (whose secret is already stored); drops the auth token unless kept. */
  async switchToApiKey(ref: string, change: ApiKeySwitch): Promise<AccountRecord> {
    const record = await this.registry.update((registry) => {
      const found = findAccount(registry.accounts, ref);
      found.authType = 'apiKey';
      found.apiKeySid = change.apiKeySid;
      found.keyType = change.keyType;
      found.keepsAuthToken = change.keepAuthToken;
      found.secretCreatedAt = this.now().toISOString(); // the key was just made: its age is known
      release(registry, found.id, ['api-key-secret']);
      return found;
    });
    if (!change.keepAuthToken) await this.secrets.delete(record.id, 'auth-token');
    return record;
  }

  /** Remembers what Twilio said the last time this account was verified. */
  async recordVerification(ref: string, summary: VerificationSummary): Promise<AccountRecord> {
    return this.registry.update((registry) => {
      const record = findAccount(registry.accounts, ref);
      record.lastVerification = summary;
      if (record.authType === 'apiKey' && summary.ok && summary.keyType) record.keyType = summary.keyType;
      return record;
    });
  }
}
