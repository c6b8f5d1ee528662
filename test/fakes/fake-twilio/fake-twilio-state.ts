/**
 * What the fake Twilio knows: accounts (with their auth token and region) and API keys
 * (Main / Standard / Restricted, each with its secret and region). Shared by every regional
 * host the fake serves, as Twilio's accounts are global while credentials are regional.
 */
import { randomBytes } from 'node:crypto';

export type FakeKeyType = 'main' | 'standard' | 'restricted';

/** One Twilio account as the fake stores it. */
export interface FakeAccount {
  sid: string;
  authToken: string;
  friendlyName: string;
  status: 'active' | 'suspended' | 'closed';
  type: 'Trial' | 'Full';
  /** The region its auth token was made in (and only works in). */
  region: string;
  dateCreated: Date;
  /** Twilio answers "20003: Policy evaluation failed" on the 2010 Keys resource for some accounts (twilio-cli PR #704). */
  legacyKeyCreationFails: boolean;
  /** The secondary Auth Token (Accounts v1 AuthTokens/Secondary): authenticates beside the primary until promoted or deleted. */
  secondaryAuthToken: string | null;
  /** When the auth token (primary) was made: a promotion renews it. */
  authTokenCreated: Date;
}

/** One API key as the fake stores it. */
export interface FakeKey {
  sid: string;
  secret: string;
  accountSid: string;
  keyType: FakeKeyType;
  friendlyName: string;
  region: string;
  dateCreated: Date;
}

/** Who a request authenticated as. */
export type FakePrincipal = { kind: 'authToken'; account: FakeAccount } | { kind: 'key'; key: FakeKey; account: FakeAccount };

/** A random SID with Twilio's shape: prefix + 32 lowercase hex. */
export function fakeSid(prefix: 'AC' | 'SK'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** A random 32-character alphanumeric secret (the shape Twilio's secrets are seen in). */
export function fakeSecret(): string {
  return randomBytes(16).toString('hex');
}

/** The fake's accounts and keys, with the lookups its rules need. */
export class FakeTwilioState {
  readonly accounts = new Map<string, FakeAccount>();
  readonly keys = new Map<string, FakeKey>();

  /** Adds an account; every field has a sensible default (active, Full, us1). */
  addAccount(spec: Partial<FakeAccount> = {}): FakeAccount {
    const account: FakeAccount = {
      sid: spec.sid ?? fakeSid('AC'),
      authToken: spec.authToken ?? fakeSecret(),
      friendlyName: spec.friendlyName ?? 'My first Twilio account',
      status: spec.status ?? 'active',
      type: spec.type ?? 'Full',
      region: spec.region ?? 'us1',
      dateCreated: spec.dateCreated ?? new Date('2024-03-01T10:00:00Z'),
      legacyKeyCreationFails: spec.legacyKeyCreationFails ?? false,
      secondaryAuthToken: spec.secondaryAuthToken ?? null,
      authTokenCreated: spec.authTokenCreated ?? spec.dateCreated ?? new Date('2024-03-01T10:00:00Z'),
    };
    this.accounts.set(account.sid, account);
    return account;
  }

  /** Adds an API key to an account (Console-made keys: any type; the API only makes Standard). */
  addKey(accountSid: string, spec: Partial<Omit<FakeKey, 'accountSid'>> = {}): FakeKey {
    const account = this.accounts.get(accountSid);
    if (!account) throw new Error(`fake Twilio: no account ${accountSid}`);
    const key: FakeKey = {
      sid: spec.sid ?? fakeSid('SK'),
      secret: spec.secret ?? fakeSecret(),
      accountSid,
      keyType: spec.keyType ?? 'standard',
      friendlyName: spec.friendlyName ?? 'test key',
      region: spec.region ?? account.region,
      dateCreated: spec.dateCreated ?? new Date(),
    };
    this.keys.set(key.sid, key);
    return key;
  }

  /** The keys of one account, oldest first. */
  keysOf(accountSid: string): FakeKey[] {
    return [...this.keys.values()].filter((k) => k.accountSid === accountSid);
  }

  /** Checks HTTP Basic credentials the way Twilio does, including the regional rule. */
  authenticate(user: string, password: string, region: string): FakePrincipal | null {
    if (user.startsWith('AC')) {
      const account = this.accounts.get(user);
      if (!account || account.region !== region) return null;
      if (account.authToken !== password && account.secondaryAuthToken !== password) return null;
      return { kind: 'authToken', account };
    }
    const key = this.keys.get(user);
    if (!key || key.secret !== password || key.region !== region) return null;
    const account = this.accounts.get(key.accountSid);
    return account ? { kind: 'key', key, account } : null;
  }
}
