/**
 * Checks pasted credentials before anything is sent to Twilio or saved: trims pasted white
 * space, names AC/SK swaps (n8n #1782: a key SID in the Account SID slot), and checks region
 * and edge. A draft that fails here never reaches the network or the keychain.
 */
import type { AuthType, CredentialDraft } from '../../shared/app-types';
import { checkAccountSid, checkApiKeySecret, checkApiKeySid, checkAuthToken, sidProblem } from '../../shared/credential-formats';
import { cleanRegion } from '../../shared/regions';
import { AppError } from '../errors';

/** Credentials ready for Twilio: cleaned, checked, region and edge resolved. */
export interface TwilioCredentials {
  authType: AuthType;
  accountSid: string;
  apiKeySid: string | null;
  secret: string;
  region: string;
  edge: string | null;
}

/** A draft that passed the checks, with a gentle warning about the secret's shape if any. */
export interface CheckedDraft {
  credentials: TwilioCredentials;
  warnings: string[];
}

function refuse(field: string, message: string): never {
  throw new AppError('bad-input', message, { field });
}

/**
 * The one credential check of the core (verification, and saving with or without it): throws
 * `bad-input` with the first wrong field named in `details.field`.
 */
export function checkDraft(draft: CredentialDraft): CheckedDraft {
  const isKey = draft.authType === 'apiKey';
  const sids = sidProblem(draft.accountSid ?? '', isKey ? (draft.apiKeySid ?? '') : null);
  if (sids) refuse(sids.field, sids.message);
  const secret = isKey ? checkApiKeySecret(draft.secret ?? '') : checkAuthToken(draft.secret ?? '');
  if (!secret.ok) refuse(isKey ? 'apiKeySecret' : 'authToken', secret.message ?? 'This value is not valid.');
  const place = cleanRegion(draft.region, draft.edge);
  if (!place.ok) refuse(place.field, place.message);
  const accountSid = checkAccountSid(draft.accountSid).value;
  const apiKeySid = isKey ? checkApiKeySid(draft.apiKeySid ?? '').value : null;
  return {
    credentials: { authType: draft.authType, accountSid, apiKeySid, secret: secret.value, region: place.region, edge: place.edge },
    warnings: secret.warning ? [secret.warning] : [],
  };
}
