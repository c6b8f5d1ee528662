/** Checks what a new account is made of before anything touches the keychain or the registry. */
import type { AuthType, KeyType, VerificationSummary } from '../../shared/app-types';
import { checkAuthToken } from '../../shared/credential-formats';
import { AppError } from '../errors';
import { checkDraft } from '../twilio/draft-check';

/** What it takes to save an account. `secret` is the auth token or the API key secret. */
export interface NewAccount {
  name: string;
  accountSid: string;
  authType: AuthType;
  apiKeySid?: string | null;
  secret: string;
  /** An API key account may also keep its auth token, for webhook signatures. */
  authToken?: string | null;
  region?: string;
  edge?: string | null;
  keyType?: KeyType | null;
  verification?: VerificationSummary | null;
}

/** The checked, trimmed values of a NewAccount. */
export interface CleanNewAccount {
  accountSid: string;
  apiKeySid: string | null;
  secret: string;
  authToken: string | null;
  region: string;
  edge: string | null;
}

/** Validates every field of a new account with the one credential check; throws `bad-input` for the first wrong one. */
export function cleanNewAccount(input: NewAccount): CleanNewAccount {
  const { credentials } = checkDraft({ ...input, apiKeySid: input.apiKeySid ?? undefined });
  const isKey = input.authType === 'apiKey';
  const kept = isKey && input.authToken ? checkAuthToken(input.authToken) : null;
  if (kept && !kept.ok) throw new AppError('bad-input', kept.message ?? 'The Auth Token is not valid.', { field: 'authToken' });
  const { accountSid, apiKeySid, secret, region, edge } = credentials;
  return { accountSid, apiKeySid, secret, authToken: kept?.value ?? null, region, edge };
}
