/**
 * The credential options `verify` and `accounts add` share, checked before the secret is asked
 * for (a wrong flag must not cost the user a pasted secret), and the draft they make with the
 * secret from stdin.
 */
import type { CredentialDraft } from '../../shared/app-types';
import { AppError } from '../../core/errors';
import { SID_PREFIXES, sidProblem } from '../../shared/credential-formats';
import { cleanRegion } from '../../shared/regions';
import { UsageError } from '../cli-command';
import { readSecret, type CliIo } from '../cli-io';
import { CONSOLE_PATHS } from '../../shared/console-paths';

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

const FLAG_OF = { accountSid: '--account-sid is not an Account SID', apiKeySid: '--api-key-sid is not an API Key SID' } as const;

/** Throws a UsageError naming the flag when --account-sid is missing, or the SIDs, region or edge are wrong (the core's one check). */
export function checkCredentialFlags(values: CredentialFlags): void {
  const accountSid = values['account-sid'];
  if (accountSid === undefined || accountSid.trim() === '') {
    throw new UsageError(`--account-sid is missing: give the Account SID (AC…), shown in the Twilio Console under ${CONSOLE_PATHS.accountInfo}.`);
  }
  const sids = sidProblem(accountSid, values['api-key-sid'] ?? null);
  if (sids?.swapped) throw new UsageError(`--account-sid and --api-key-sid are swapped: ${SID_PREFIXES}`);
  if (sids) throw new UsageError(`${FLAG_OF[sids.field]}: ${sids.message}`);
  const place = cleanRegion(values.region, values.edge);
  if (!place.ok) throw new AppError('bad-input', place.message, { field: place.field });
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
