/**
 * Checks pasted credentials before anything is sent to Twilio: trims pasted white space,
 * names AC/SK swaps field by field (n8n #1782: a key SID in the Account SID slot), and
 * checks region and edge. A draft that fails here never reaches the network.
 */
import type { AuthType, CredentialDraft } from '../../shared/app-types';
import { checkAccountSid, checkApiKeySecret, checkApiKeySid, checkAuthToken, type FieldCheck } from '../../shared/credential-formats';
import { cleanRegion } from '../accounts/new-account-input';
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

const SWAPPED =
  'The Account SID and the API Key SID are swapped: the Account SID starts with AC, the API Key SID with SK. Put each in its own field.';

/** Validates a draft; throws `bad-input` with the first wrong field named in `details.field`. */
export function checkDraft(draft: CredentialDraft): CheckedDraft {
  const isKey = draft.authType === 'apiKey';
  const account = checkAccountSid(draft.accountSid ?? '');
  const key = isKey ? checkApiKeySid(draft.apiKeySid ?? '') : null;
  if (key && /^SK/i.test(account.value) && /^AC/i.test(key.value)) {
    throw new AppError('bad-input', SWAPPED, { field: 'accountSid' });
  }
  const secret = isKey ? checkApiKeySecret(draft.secret ?? '') : checkAuthToken(draft.secret ?? '');
  const checks: [string, FieldCheck | null][] = [
    ['accountSid', account],
    ['apiKeySid', key],
    [isKey ? 'apiKeySecret' : 'authToken', secret],
  ];
  for (const [field, check] of checks) {
    if (check && !check.ok) throw new AppError('bad-input', check.message ?? 'This value is not valid.', { field });
  }
  const { region, edge } = cleanRegion(draft.region, draft.edge);
  return {
    credentials: { authType: draft.authType, accountSid: account.value, apiKeySid: key?.value ?? null, secret: secret.value, region, edge },
    warnings: secret.warning ? [secret.warning] : [],
  };
}
