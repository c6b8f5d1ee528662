/**
 * What to do next, by error kind, in the command line's words (commands and flags): the core's
 * message says what happened; this table says what to do, once. The window has its own table
 * in its own words (renderer/src/lib/error-words.ts).
 */
import type { ErrorInfo, ErrorKind } from '../shared/errors';
import { keychainHelp } from '../shared/keychain-help';
import { CONSOLE_PATHS } from '../shared/console-paths';

/** An account name as it is typed on a command line: bare when it can be, else in double quotes. */
export function shellWord(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : `"${name.replaceAll('"', '\\"')}"`;
}

const NEXT_STEPS: Partial<Record<ErrorKind, (error: ErrorInfo) => string>> = {
  'invalid-credentials': () =>
    'Copy the values again with the Twilio Console\'s copy buttons. Credentials made outside US1 work only in their region: give it with --region (for example --region ie1).',
  forbidden: () => 'Use a Standard or Main API key (--api-key-sid), or the Auth Token (leave out --api-key-sid).',
  'not-found': () => `Check --account-sid: copy the Account SID again from ${CONSOLE_PATHS.accountInfo} in the Twilio Console.`,
  'account-inactive': () => 'Lift the suspension in the Twilio Console (Account Dashboard), or use the credentials of an active account.',
  'rate-limited': () => 'Wait a minute, then run the command again.',
  network: () => 'Check your internet connection (or HTTPS_PROXY), then run the command again.',
  timeout: () => 'Run the command again; a slow connection can give more time with --timeout S.',
  twilio: () => 'Run the command again in a few minutes; status.twilio.com lists Twilio incidents.',
  'keychain-unavailable': () => keychainHelp(process.platform),
  'name-taken': () => 'Choose another name, or see the saved names with: smsit-twilio accounts list',
  'unknown-account': () => 'See the saved names with: smsit-twilio accounts list',
  'no-active-account': (error) =>
    error.details?.account
      ? `Choose the active account with: smsit-twilio accounts use ${shellWord(error.details.account)}`
      : 'Add an account with: smsit-twilio accounts add <name> --account-sid AC…',
  'registry-busy': () => 'Another smsit-twilio or the tray app is saving: run the command again in a moment.',
};

/** The next step for an error on the command line, or null when the message says it all. */
export function cliNextStep(error: ErrorInfo): string | null {
  return NEXT_STEPS[error.kind]?.(error) ?? null;
}
