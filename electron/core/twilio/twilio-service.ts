/**
 * Every call SMS-iT makes to Twilio, on the official twilio library with our fetch-based
 * httpClient: verify pasted credentials in one round trip, create a Standard API key, delete
 * a key. `verify` never throws for Twilio's answers or bad input: it returns a report.
 */
import type { CredentialDraft, VerificationReport } from '../../shared/app-types';
import { KEY_NAME } from '../../shared/key-name';
import { apiOrigin } from '../../shared/regions';
import { AppError } from '../errors';
import { basicUser } from './auth-header';
import { checkDraft, type TwilioCredentials } from './draft-check';
import { createFetchHttpClient } from './fetch-http-client';
import { classifyApiKey, classifyAuthToken, type AccountFacts, type Outcome } from './key-type-classifier';
import { realSleep } from './rate-limit-wait';
import { toTwilioError } from './twilio-errors';
import { acceptedReport, failedReport, inactiveAccountError, inactiveReport } from './verification-report';
import { verificationWarnings } from './verification-warnings';
import { CONSOLE_PATHS } from '../../shared/console-paths';

export interface TwilioServiceOptions {
  /** `net.fetch` in the tray app (system proxy); Node's fetch otherwise. */
  fetch?: typeof fetch;
  /** SMSIT_TWILIO_API_BASE: when set, every request goes to this origin instead of the regional host. */
  apiBase?: string | null;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The FriendlyName of the keys the upgrade creates, so users recognise them in the Console. */
export const STANDARD_KEY_NAME = KEY_NAME;

export const DEFAULT_TIMEOUT_MS = 15_000;

/** A Standard key just made; Twilio shows its secret only in this answer. */
export interface NewApiKey {
  sid: string;
  secret: string;
}

async function settle<T>(promise: Promise<T>, credentials: TwilioCredentials): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: toTwilioError(error, credentials) };
  }
}

/** Twilio operations over an injected fetch, base URL and clock. */
export class TwilioService {
  private readonly fetch: typeof fetch;
  private readonly apiBase: string | null;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: TwilioServiceOptions = {}) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.apiBase = options.apiBase?.trim() || null;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Where requests for these credentials go: SMSIT_TWILIO_API_BASE, else the region's host of `product` (api, iam). */
  originFor(credentials: Pick<TwilioCredentials, 'region' | 'edge'>, product = 'api'): string {
    return this.apiBase ?? apiOrigin(credentials.region, credentials.edge).replace(/^https:\/\/api\./, `https://${product}.`);
  }

  /**
   * One library client per operation: its credentials, and one deadline for all its requests.
   * The library is loaded on first use: commands that never call Twilio start faster.
   */
  private async client(credentials: TwilioCredentials) {
    const { default: twilio } = await import('twilio');
    const httpClient = createFetchHttpClient({
      fetch: this.fetch,
      originFor: (product) => this.originFor(credentials, product),
      deadline: AbortSignal.timeout(this.timeoutMs),
      timeoutMs: this.timeoutMs,
      sleep: this.sleep,
    });
    // env: {} keeps TWILIO_* variables from filling in anything we did not pass.
    return twilio(basicUser(credentials), credentials.secret, { accountSid: credentials.accountSid, httpClient, env: {}, autoRetry: false });
  }

  private async account(credentials: TwilioCredentials) {
    return (await this.client(credentials)).api.v2010.accounts(credentials.accountSid);
  }

  /** Checks credentials against Twilio and says what they are; never throws for bad input or Twilio's answers. */
  async verify(draft: CredentialDraft): Promise<VerificationReport> {
    let checked;
    try {
      checked = checkDraft(draft);
    } catch (error) {
      if (error instanceof AppError) return failedReport(draft.authType, (draft.accountSid ?? '').replace(/\s+/g, ''), error);
      throw error;
    }
    return this.verifyCredentials(checked.credentials, checked.warnings);
  }

  /** Verifies already-checked credentials (saved accounts); `extraWarnings` come first in the report. */
  async verifyCredentials(credentials: TwilioCredentials, extraWarnings: string[] = []): Promise<VerificationReport> {
    const { authType, accountSid } = credentials;
    const account = await this.account(credentials);
    const fetchFacts = account.fetch().then((found): AccountFacts => ({
      friendlyName: found.friendlyName ?? null,
      status: found.status ?? null,
      type: found.type ?? null,
    }));
    // Both requests leave together, so an API key costs one round trip, not two.
    const [facts, probe] = await Promise.all([
      settle(fetchFacts, credentials),
      authType === 'apiKey' ? settle(account.incomingPhoneNumbers.page({ pageSize: 1 }), credentials) : null,
    ]);
    const verdict = probe ? classifyApiKey(facts, probe) : classifyAuthToken(facts);
    if (verdict.error) return failedReport(authType, accountSid, verdict.error);
    const inactive = inactiveAccountError(verdict.account, accountSid);
    if (inactive && verdict.account) return inactiveReport(authType, accountSid, verdict.keyType, verdict.account, inactive);
    const warnings = [...extraWarnings, ...verificationWarnings(authType, verdict.keyType, verdict.account)];
    return acceptedReport(authType, accountSid, verdict.keyType, verdict.account, warnings);
  }

  /**
   * Creates a Standard API key (needs the auth token or a Main key); its secret is in the answer only.
   * Some accounts get "20003: Policy evaluation failed" from the 2010 Keys resource; then the
   * IAM v1 Keys resource is tried, as twilio-cli does (PR #704, FACTS.md).
   */
  async createStandardKey(credentials: TwilioCredentials, friendlyName: string = STANDARD_KEY_NAME): Promise<NewApiKey> {
    const client = await this.client(credentials);
    let key: { sid?: string | null; secret?: string | null };
    try {
      key = await client.api.v2010.accounts(credentials.accountSid).newKeys.create({ friendlyName });
    } catch (error) {
      const failure = toTwilioError(error, credentials);
      if (failure.kind !== 'invalid-credentials') throw failure;
      key = await client.iam.v1.newApiKey.create({ accountSid: credentials.accountSid, friendlyName }).catch(() => {
        throw failure; // the first refusal says more than the fallback's
      });
    }
    if (!key.sid || !key.secret) throw new AppError('twilio', 'Twilio created the API key but sent no secret for it. Delete the key in the Twilio Console and try again.');
    return { sid: key.sid, secret: key.secret };
  }

  /** Creates the secondary Auth Token (Accounts v1; needs the auth token); its value is in this answer only. */
  async createSecondaryAuthToken(credentials: TwilioCredentials): Promise<string> {
    let answer;
    try {
      answer = await (await this.client(credentials)).accounts.v1.secondaryAuthToken().create();
    } catch (error) {
      throw toTwilioError(error, credentials);
    }
    if (!answer.secondaryAuthToken) throw new AppError('twilio', 'Twilio created a secondary Auth Token but sent no value for it. Delete it in the Twilio Console (${CONSOLE_PATHS.apiKeys} > Auth tokens) and try again.');
    return answer.secondaryAuthToken;
  }

  /** Makes the secondary Auth Token the primary: from then on the old primary fails everywhere. */
  async promoteSecondaryAuthToken(credentials: TwilioCredentials): Promise<void> {
    try {
      await (await this.client(credentials)).accounts.v1.authTokenPromotion().update();
    } catch (error) {
      throw toTwilioError(error, credentials);
    }
  }

  /** Deletes an unused secondary Auth Token; one already gone counts as deleted. */
  async deleteSecondaryAuthToken(credentials: TwilioCredentials): Promise<void> {
    try {
      await (await this.client(credentials)).accounts.v1.secondaryAuthToken().remove();
    } catch (error) {
      const failure = toTwilioError(error, credentials);
      if (failure.kind !== 'not-found') throw failure;
    }
  }

  /** Deletes an API key at Twilio (needs the auth token or a Main key); a key already gone counts as deleted. */
  async deleteKey(credentials: TwilioCredentials, keySid: string): Promise<void> {
    try {
      await (await this.account(credentials)).keys(keySid).remove();
    } catch (error) {
      const failure = toTwilioError(error, credentials);
      if (failure.kind !== 'not-found') throw failure;
    }
  }
}
