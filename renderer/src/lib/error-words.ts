/** What the user can do next for each kind of failure; the core's message says what happened. */
import { verificationOutcome, type ErrorInfo, type ErrorKind, type VerificationOutcome } from '../../../electron/shared/errors';
import type { KeyType } from '../../../electron/shared/app-types';
import { KEY_TYPE_NAMES } from '../../../electron/shared/key-type-names';
import { CONSOLE_PATHS } from './links';

const NEXT_STEPS: Partial<Record<ErrorKind, string>> = {
  'bad-input': 'Correct the field marked above, then try again.',
  'invalid-credentials':
    'Copy the values again with the Console\'s copy buttons. A key only works in the region it was made in: if you made it outside US1, choose that region under "Advanced".',
  'not-found': `Check the Account SID: copy it again from ${CONSOLE_PATHS.accountInfo} in the Twilio Console.`,
  forbidden:
    'This key may not read your account. Create a Main or Standard key instead (a Restricted key needs read access to Phone Numbers).',
  'rate-limited': 'Twilio is busy. Wait a minute, then try again.',
  network: 'Check your internet connection (or proxy), then try again.',
  timeout: 'Twilio did not answer in time. Check your connection, then try again.',
  twilio: 'Twilio had a problem answering. Try again in a few minutes.',
  'account-inactive': 'Lift the suspension in the Twilio Console (Account Dashboard), or use the credentials of an active account.',
  'keychain-unavailable':
    'Unlock your system keychain (on Linux: a Secret Service such as GNOME Keyring must be running), then try again.',
  'name-taken': 'Choose another name for this account.',
  'unknown-account': 'The account list changed. Pick the account again from the list.',
  'no-active-account': 'Add an account, or make one of your accounts active.',
  'endpoint-paused': 'Resume engine access to answer the engine again.',
  'port-in-use': 'Another program uses this port. Quit it, or restart the app to pick another port.',
  'registry-busy': 'Another copy of the app is saving. Try again in a moment.',
};

const TITLES: Record<VerificationOutcome, string> = {
  'not-sent': 'Check what you pasted',
  rejected: 'Twilio did not accept these credentials',
  inactive: 'This Twilio account cannot send messages',
  'twilio-trouble': 'Twilio had a problem — nothing is wrong with what you pasted',
  other: 'That did not work',
};

/** The title above an error, by what it means (a refusal, a suspended account, Twilio's own trouble…), never by its text. */
export function errorTitle(error: ErrorInfo): string {
  return TITLES[verificationOutcome(error.kind)];
}

/** The next step to show under an error, chosen by its kind (never by matching message text). */
export function nextStepFor(error: ErrorInfo): string {
  return NEXT_STEPS[error.kind] ?? 'Try again. If it keeps happening, tell us at support@sms-it.ai.';
}

/** Where an imported secret came from Twilio's refusal means the plain copy is stale, not mistyped: no Console copy buttons to point at. */
const IMPORT_NEXT_STEPS: Partial<Record<ErrorKind, string>> = {
  'bad-input': 'Correct what is marked, then import again.',
  'invalid-credentials':
    'If the secret there is out of date (changed, or its key deleted), add the account through the guided setup with current credentials and delete the old secret from the file yourself. If it was made outside US1, set TWILIO_REGION beside it (for twilio-cli: the profile’s region), then import again.',
  'not-found': 'Twilio knows no account with this Account SID (it may be closed): add the account through the guided setup, and delete the old secret from the file yourself.',
};

/** The next step under a failed import from a file or the environment, by kind; the general ones otherwise. */
export function importNextStepFor(error: ErrorInfo): string {
  return IMPORT_NEXT_STEPS[error.kind] ?? nextStepFor(error);
}

/** Human words for a key type. */
export function keyTypeLabel(keyType: KeyType | null): string {
  return keyType ? KEY_TYPE_NAMES[keyType] : 'Not known yet';
}
