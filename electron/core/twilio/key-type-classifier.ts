/**
 * How a Standard key is told apart from a Main key (FACTS.md, "Verifying"): Twilio refuses a
 * Standard key on the Accounts resource with 20003, the same answer as a wrong secret, so
 * the account fetch alone would reject valid Standard keys (n8n's mistake). A probe of a
 * resource Standard keys may read (IncomingPhoneNumbers) runs beside it:
 *   account 200                → Main key (or an auth token)
 *   account refused, probe 200 → Standard key
 *   account refused, probe 403 → Restricted key without that permission
 *   both refused (20003)       → wrong credentials (or another region)
 * A Restricted key whose policy allows reading phone numbers looks like a Standard key here;
 * no single read tells them apart, so it is reported as Standard (without the Restricted warning).
 */
import type { KeyType } from '../../shared/app-types';
import type { AppError } from '../errors';

/** The account facts Twilio tells the auth token and Main keys. */
export interface AccountFacts {
  friendlyName: string | null;
  status: string | null;
  type: string | null;
}

/** How one of the two parallel requests ended. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** What the two answers mean together. */
export interface KeyVerdict {
  keyType: KeyType | null;
  account: AccountFacts | null;
  error: AppError | null;
}

const refusedByAccountsRule = (outcome: Outcome<unknown>) =>
  !outcome.ok && (outcome.error.kind === 'invalid-credentials' || outcome.error.kind === 'forbidden');

/** Reads the account fetch and the probe of an API key together. */
export function classifyApiKey(account: Outcome<AccountFacts>, probe: Outcome<unknown>): KeyVerdict {
  if (account.ok) return { keyType: 'main', account: account.value, error: null };
  if (!refusedByAccountsRule(account)) return { keyType: null, account: null, error: account.error };
  if (probe.ok) return { keyType: 'standard', account: null, error: null };
  if (probe.error.kind === 'forbidden') return { keyType: 'restricted', account: null, error: null };
  return { keyType: null, account: null, error: probe.error };
}

/** Reads the account fetch of an Account SID + Auth Token. */
export function classifyAuthToken(account: Outcome<AccountFacts>): KeyVerdict {
  return account.ok
    ? { keyType: null, account: account.value, error: null }
    : { keyType: null, account: null, error: account.error };
}
