/** The credential options `verify` and `accounts add` share, and the draft they make with the secret from stdin. */
import type { CredentialDraft } from '../../shared/app-types';
import { readSecret, type CliIo } from '../cli-io';

/** --account-sid, --api-key-sid, --region, --edge. */
export const CREDENTIAL_OPTIONS = {
  'account-sid': { type: 'string' },
  'api-key-sid': { type: 'string' },
  region: { type: 'string' },
  edge: { type: 'string' },
} as const;

/** Builds the draft; the secret (auth token, or API key secret with --api-key-sid) comes from stdin. */
export async function draftFromOptions(
  io: CliIo,
  values: { 'account-sid'?: string; 'api-key-sid'?: string; region?: string; edge?: string },
): Promise<CredentialDraft> {
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
