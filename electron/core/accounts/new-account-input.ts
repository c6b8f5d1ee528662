/** Checks what a new account is made of before anything touches the keychain or the registry. */
import type { AuthType, KeyType, VerificationSummary } from '../../shared/app-types';
import { checkAccountSid, checkApiKeySecret, checkApiKeySid, checkAuthToken, type FieldCheck } from '../../shared/credential-formats';
import { DEFAULT_REGION, REGION_EDGES } from '../../shared/regions';
import { AppError } from '../errors';

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

function must(check: FieldCheck, field: string): string {
  if (!check.ok) throw new AppError('bad-input', check.message ?? `The ${field} is not valid.`, { field });
  return check.value;
}

/** The region (lower case, known to Twilio) and edge; throws `bad-input` naming the regions there are. */
export function cleanRegion(region: string | undefined, edge: string | null | undefined): { region: string; edge: string | null } {
  const cleanRegionName = (region ?? DEFAULT_REGION).trim().toLowerCase() || DEFAULT_REGION;
  if (!(cleanRegionName in REGION_EDGES)) {
    throw new AppError('bad-input', `"${region}" is not a Twilio region. Use one of: ${Object.keys(REGION_EDGES).join(', ')}.`, { field: 'region' });
  }
  const cleanEdge = edge?.trim().toLowerCase() || null;
  if (cleanEdge !== null && !/^[a-z][a-z0-9-]{1,30}$/.test(cleanEdge)) {
    throw new AppError('bad-input', `"${edge}" is not a Twilio edge name (for example "dublin" or "sydney").`, { field: 'edge' });
  }
  return { region: cleanRegionName, edge: cleanEdge };
}

/** Validates every field of a new account; throws `bad-input` for the first wrong one. */
export function cleanNewAccount(input: NewAccount): CleanNewAccount {
  const accountSid = must(checkAccountSid(input.accountSid), 'accountSid');
  const isKey = input.authType === 'apiKey';
  const apiKeySid = isKey ? must(checkApiKeySid(input.apiKeySid ?? ''), 'apiKeySid') : null;
  const secret = must(isKey ? checkApiKeySecret(input.secret) : checkAuthToken(input.secret), isKey ? 'apiKeySecret' : 'authToken');
  const authToken = isKey && input.authToken ? must(checkAuthToken(input.authToken), 'authToken') : null;
  return { accountSid, apiKeySid, secret, authToken, ...cleanRegion(input.region, input.edge) };
}
