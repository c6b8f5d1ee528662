/**
 * The credential options `verify` and `accounts add` share, checked before the secret is asked
 * for (a wrong flag must not cost the user a pasted secret), and the draft they make with the
 * secret from stdin.
 */
import { cleanRegion } from '../../core/accounts/new-account-input';
import type { CredentialDraft } from '../../shared/app-types';
import { checkAccountSid, checkApiKeySid } from '../../shared/credential-formats';
import { UsageError } from '../cli-command';
import { readSecret, type CliIo } from '../cli-io';

/** --account-sid, --api-key-sid, --region, --edge. */
export const CREDENTIAL_OPTIONS = {
  'account-sid': { type: 'string' },
  'api-key-sid': { type: 'string' },
  region: { type: 'string' },
  edge: { type: 'string' },
} as const;

/** The parsed credential flags. */
export interface CredentialFlags {
  'account-sid'?: string;
  'api-key-sid'?: string;
  region?: string;
  edge?: string;
}

/** Throws a UsageError naming the flag when --account-sid is missing or either SID is malformed; bad-input for an unknown region or edge. */
export function checkCredentialFlags(values: CredentialFlags): void {
  const accountSid = values['account-sid'];
  if (accountSid === undefined || accountSid.trim() === '') {
    throw new UsageError('--account-sid is missing: give the Account SID (AC…), shown in the Twilio Console under Account Dashboard > Account Info.');
  }
  const keySid = values['api-key-sid'];
  if (keySid !== undefined && /^\s*SK/i.test(accountSid) && /^\s*AC/i.test(keySid)) {
    throw new UsageError('--account-sid and --api-key-sid are swapped: the Account SID starts with AC, the API Key SID with SK.');
  }
  const account = checkAccountSid(accountSid);
  if (!account.ok) throw new UsageError(`--account-sid is not an Account SID: ${account.message}`);
  if (keySid !== undefined) {
    const key = checkApiKeySid(keySid);
    if (!key.ok) throw new UsageError(`--api-key-sid is not an API Key SID: ${key.message}`);
  }
  cleanRegion(values.region, values.edge);
}

/** Checks the flags, then builds the draft; the secret (auth token, or API key secret with --api-key-sid) comes from stdin. */
export async function draftFromOptions(io: CliIo, values: CredentialFlags): Promise<CredentialDraft> {
  checkCredentialFlags(values);
  const isKey = values['api-key-sid'] !== undefined;
  const secret = await readSecret(io, isKey ? 'API Key Secret' : 'Auth Token');
  return {
    authType: isKey ? 'apiKey' : 'authToken',
    accountSid: values['account-sid'] ?? '',
    ...(isKey ? { apiKeySid: values['api-key-sid'] } : {}),
    secret,
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(values.edge !== undefined ? { edge: values.edge } : {}),
  };
}
