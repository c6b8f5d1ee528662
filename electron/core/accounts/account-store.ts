/** Saved accounts: metadata in the registry file, secrets in the keychain, never one without the other. */
import { randomUUID } from 'node:crypto';
import type { AccountSummary, KeyType, VerificationSummary } from '../../shared/app-types';
import { AppError } from '../errors';
import type { RegistryFile } from '../registry/registry-file';
import type { AccountRecord } from '../registry/registry-schema';
import type { SecretPurpose, SecretStore } from '../secrets/secret-store';
import { assertNameFree, cleanAccountName, findAccount } from './account-names';
import { requestSecretPurpose } from '../twilio/auth-header';
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
    return registry.accounts.map((record) => toSummary(record, registry.activeAccountId));
  }

  /** The account with this id or name (any case). */
  async find(ref: string): Promise<AccountRecord> {
    return findAccount((await this.registry.read()).accounts, ref);
  }

  /** The summary of one account as it is now. */
  async summary(ref: string): Promise<AccountSummary> {
    const registry = await this.registry.read();
    return toSummary(findAccount(registry.accounts, ref), registry.activeAccountId);
  }

  /**
   * Saves a new account, all or nothing: its secrets go to the keychain under the registry lock,
   * and are deleted again if the registry cannot be written. The first account becomes active.
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
    const written: SecretPurpose[] = [];
    try {
      await this.registry.update(async (registry) => {
        assertNameFree(registry.accounts, name);
        const purpose = requestSecretPurpose(record);
        await this.secrets.set(record.id, purpose, clean.secret);
        written.push(purpose);
        if (clean.authToken !== null) {
          await this.secrets.set(record.id, 'auth-token', clean.authToken);
          written.push('auth-token');
        }
        registry.accounts.push(record);
        if (registry.activeAccountId === null) registry.activeAccountId = record.id;
      });
    } catch (error) {
      await Promise.allSettled(written.map((purpose) => this.secrets.delete(record.id, purpose)));
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
   * afterwards: the engine must not silently start using another Twilio account.
   */
  async remove(ref: string): Promise<AccountRecord> {
    const record = await this.registry.update((registry) => {
      const found = findAccount(registry.accounts, ref);
      registry.accounts = registry.accounts.filter((account) => account.id !== found.id);
      if (registry.activeAccountId === found.id) registry.activeAccountId = null;
      return found;
    });
    // Entries left behind by a failing keychain are found later by cleanOrphanSecrets.
    await Promise.allSettled([this.secrets.delete(record.id, 'auth-token'), this.secrets.delete(record.id, 'api-key-secret')]);
    return record;
  }

  /** The secret of one purpose; throws `secret-missing` when the keychain entry is gone. */
  async readSecret(record: AccountRecord, purpose: SecretPurpose = requestSecretPurpose(record)): Promise<string> {
    const secret = await this.secrets.get(record.id, purpose);
    if (secret === null) {
      const what = purpose === 'auth-token' ? 'Auth Token' : 'API Key Secret';
      throw new AppError(
        'secret-missing',
        `The keychain has no ${what} for "${record.name}" any more (it may have been deleted outside this app). Remove the account and add it again.`,
      );
    }
    return secret;
  }

  /** Stores one secret of an existing account (used to keep a new API key's secret before anything else). */
  async storeSecret(record: AccountRecord, purpose: SecretPurpose, secret: string): Promise<void> {
    await this.secrets.set(record.id, purpose, secret);
  }

  /** Switches an account to its API key (whose secret is already stored); drops the auth token unless kept. */
  async switchToApiKey(ref: string, change: ApiKeySwitch): Promise<AccountRecord> {
    const record = await this.registry.update((registry) => {
      const found = findAccount(registry.accounts, ref);
      found.authType = 'apiKey';
      found.apiKeySid = change.apiKeySid;
      found.keyType = change.keyType;
      found.keepsAuthToken = change.keepAuthToken;
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
