/**
 * The environment `smsit-twilio exec` gives a child: the caller's, with one account's credentials
 * under the names twilio-cli and Twilio's libraries read (FACTS.md, "Where other tools keep
 * Twilio credentials"). Built as a new object: the caller's own environment is never changed.
 */
import { DEFAULT_REGION } from '../../shared/regions';
import type { AccountRecord } from '../registry/registry-schema';

/**
 * The variables that choose a Twilio account, key, region or edge. All are taken out of the
 * caller's environment before ours go in: a caller's TWILIO_AUTH_TOKEN left beside our API key
 * would let a library pick the wrong one (twilio-cli's silent-override complaint).
 */
export const TWILIO_CREDENTIAL_VARIABLES = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_KEY',
  'TWILIO_API_SECRET',
  'TWILIO_REGION',
  'TWILIO_EDGE',
] as const;

/** The child's environment, and the names (never values) of the caller's variables it replaced. */
export interface ExecEnvironment {
  env: NodeJS.ProcessEnv;
  replaced: string[];
}

/** The account's credentials as TWILIO_* variables; region and edge only when they differ from Twilio's default host. */
export function credentialVariables(record: Pick<AccountRecord, 'authType' | 'accountSid' | 'apiKeySid' | 'region' | 'edge'>, secret: string): Record<string, string> {
  const variables: Record<string, string> = { TWILIO_ACCOUNT_SID: record.accountSid };
  if (record.authType === 'apiKey' && record.apiKeySid) {
    variables.TWILIO_API_KEY = record.apiKeySid;
    variables.TWILIO_API_SECRET = secret;
  } else {
    variables.TWILIO_AUTH_TOKEN = secret;
  }
  // US1 without an edge is api.twilio.com; setting TWILIO_REGION=us1 would send libraries to api.us1.twilio.com.
  if (record.region !== DEFAULT_REGION || record.edge) variables.TWILIO_REGION = record.region;
  if (record.edge) variables.TWILIO_EDGE = record.edge;
  return variables;
}

/** A copy of `callerEnv` with the account's variables in place of any TWILIO_* credential variables it had. */
export function execEnvironment(
  record: Pick<AccountRecord, 'authType' | 'accountSid' | 'apiKeySid' | 'region' | 'edge'>,
  secret: string,
  callerEnv: NodeJS.ProcessEnv,
): ExecEnvironment {
  const env: NodeJS.ProcessEnv = { ...callerEnv };
  const replaced: string[] = [];
  for (const name of TWILIO_CREDENTIAL_VARIABLES) {
    if (env[name] !== undefined) {
      replaced.push(name);
      delete env[name];
    }
  }
  return { env: { ...env, ...credentialVariables(record, secret) }, replaced };
}
