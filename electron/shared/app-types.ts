/** The data shapes that cross from the core to the shells (IPC, HTTP, `--json`). Never a secret. */
import type { ErrorInfo } from './errors';

export type AuthType = 'authToken' | 'apiKey';
export type KeyType = 'main' | 'standard' | 'restricted';

/** What Twilio said about an account the last time it was verified. */
export interface VerificationSummary {
  at: string;
  ok: boolean;
  keyType: KeyType | null;
  friendlyName: string | null;
  status: string | null;
  type: string | null;
  warnings: string[];
  error: ErrorInfo | null;
}

/** One saved account as every shell sees it: masked, no secret. */
export interface AccountSummary {
  id: string;
  name: string;
  accountSid: string;
  authType: AuthType;
  apiKeySid: string | null;
  keyType: KeyType | null;
  region: string;
  edge: string | null;
  /** True when an auth token is kept (Auth Token accounts, or API key accounts that kept it for webhooks). */
  keepsAuthToken: boolean;
  /** The account the engine is served; the core sets it from the registry's pointer (read it with `activeAccountIn`). */
  active: boolean;
  /** The app may try to delete the API key at Twilio when removing the account (the core's one rule). */
  canDeleteKey: boolean;
  /** The account's key or Auth Token can be rotated (a key needs the kept Auth Token or a Main key; the core's one rule). */
  canRotate: boolean;
  /** Other saved accounts that use the same API key: it is never deleted at Twilio while they do. */
  keySharedWith: string[];
  /** A fixed mask: no part of a secret is ever shown once saved. */
  maskedSecret: string;
  createdAt: string;
  /** When the current API key or auth token was made, when known (rotation, upgrade); else null (then: createdAt). */
  secretCreatedAt?: string | null;
  lastVerification: VerificationSummary | null;
}

/** The values pasted into the onboarding form or given to `smsit-twilio verify`. */
export interface CredentialDraft {
  authType: AuthType;
  accountSid: string;
  apiKeySid?: string;
  /** The auth token (authToken) or the API key secret (apiKey). */
  secret: string;
  region?: string;
  edge?: string | null;
}

/** The answer to "do these credentials work", the shape of `verify --json`. */
export interface VerificationReport {
  ok: boolean;
  authType: AuthType;
  keyType: KeyType | null;
  account: { sid: string; friendlyName: string | null; status: string | null; type: string | null };
  warnings: string[];
  /** Why it failed; Twilio's HTTP status and error code, when it answered, are in `details`. */
  error: ErrorInfo | null;
}

/** One engine token as listed: its name and dates, never the token. */
export interface EngineTokenSummary {
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** False for a token made before the mutual exchange: it works with Bearer only (docs/engine.md). */
  proofs: boolean;
}

/** One request the loopback endpoint answered. */
export interface AccessLogEntry {
  time: string;
  tokenName: string | null;
  method: string;
  route: string;
  account: string | null;
  status: number;
  durationMs: number;
  /** Set on a summary line: how many unauthenticated requests got `status` (they are not logged one by one). */
  count?: number;
}

/** The loopback endpoint as the tray and the window show it. */
export interface EndpointStatus {
  url: string;
  port: number;
  /** The Unix socket it also serves on (only this user can reach it); null/absent when none (Windows). */
  socketPath?: string | null;
  running: boolean;
  paused: boolean;
  error: ErrorInfo | null;
}

/** Everything the window and the tray draw, pushed whole on every change. */
export interface AppState {
  /** The saved accounts; the active one is marked `active` (there is no second pointer to disagree with it). */
  accounts: AccountSummary[];
  endpoint: EndpointStatus;
  tokens: EngineTokenSummary[];
  keychain: { available: boolean; error: ErrorInfo | null };
  registryError: ErrorInfo | null;
  /** The tray warns about keys and tokens older than this many days; null or absent: never (the default). */
  keyAgeWarningDays?: number | null;
}

/** Where the import found a credential: twilio-cli's config, the app's environment, or a .env file. */
export type ImportSourceKind = 'twilio-cli' | 'environment' | 'env-file';

/** A credential the import found, as the window sees it: where, whose and which kind — never the secret. */
export interface ImportCandidate {
  /** Opaque and good for this listing only: the secret stays in the main process under it. */
  id: string;
  source: ImportSourceKind;
  /** The file it is in (null for the environment). */
  path: string | null;
  /** twilio-cli's profile ID (null for other sources). */
  profileId: string | null;
  accountSid: string;
  authType: AuthType;
  apiKeySid: string | null;
  region: string | null;
  edge: string | null;
  /** The name to save it under unless the user types another (free among the saved accounts). */
  suggestedName: string;
  /** The saved account that holds this very credential already (same Account SID and key SID), if any. */
  duplicateOf: string | null;
  /** Whether its secret can be taken out of its source afterwards (a file can, the environment cannot). */
  canScrub: boolean;
}

/** What a look for importable credentials found, and notes on what it saw but cannot import. */
export interface ImportScan {
  found: ImportCandidate[];
  notes: string[];
}

/** How one import ended. `scrubbed`: true removed from its file, false not asked, or an error saying why it stayed. */
export type ImportOutcome =
  | { status: 'imported'; account: AccountSummary; report: VerificationReport | null; scrubbed: true | false | ErrorInfo; warnings: string[] }
  | { status: 'duplicate'; existing: string }
  | { status: 'failed'; error: ErrorInfo };
