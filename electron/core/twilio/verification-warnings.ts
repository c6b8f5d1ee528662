/** The warnings a successful verification comes with, in the words the window and the CLI show. */
import type { AuthType, KeyType } from '../../shared/app-types';
import type { AccountFacts } from './key-type-classifier';

export const AUTH_TOKEN_WARNING =
  'Twilio recommends Auth Tokens for local testing only; upgrade to an API key.';

export const RESTRICTED_KEY_WARNING =
  'This is a Restricted API key. Restricted keys are new at Twilio and untested with SMS-iT Workflow: some steps may fail for lack of a permission. ' +
  'If something does not work, tell us which at support@sms-it.ai; a Standard key is the safe choice.';

/** Warnings for what Twilio said: account type, key type, auth type (a suspended or closed account is an error, not a warning). */
export function verificationWarnings(authType: AuthType, keyType: KeyType | null, account: AccountFacts | null): string[] {
  const warnings: string[] = [];
  if (account?.type === 'Trial') {
    warnings.push('This is a Trial account: it can only send messages to phone numbers you have verified in the Twilio Console, with a trial notice in each message. Upgrade it in the Console to lift these limits.');
  }
  if (keyType === 'restricted') warnings.push(RESTRICTED_KEY_WARNING);
  if (authType === 'authToken') warnings.push(AUTH_TOKEN_WARNING);
  return warnings;
}
