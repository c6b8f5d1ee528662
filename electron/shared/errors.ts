/**
 * The error vocabulary every layer shares: the kinds, and the plain shape an error takes when it
 * crosses IPC, HTTP, the registry or `--json`. Types and data only; `AppError` lives in the core.
 */

/** Every failure the app reports is one of these kinds; shells map kinds to words and exit codes. */
export const ERROR_KINDS = [
  'bad-input',
  'invalid-credentials',
  'not-found',
  'forbidden',
  'rate-limited',
  'network',
  'timeout',
  'twilio',
  'account-inactive',
  'keychain-unavailable',
  'secret-missing',
  'registry-corrupt',
  'registry-busy',
  'io',
  'name-taken',
  'unknown-account',
  'no-active-account',
  'endpoint-paused',
  'port-in-use',
  'unauthorized',
  'cannot-validate',
  'internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Extra facts an error may carry; never a secret. */
export interface ErrorDetails {
  httpStatus?: number | null;
  twilioCode?: number | null;
  /** Which field was wrong — safe to show. */
  field?: string;
  /** Where a file was kept aside — safe to show. */
  path?: string;
  /** The saved account the error is about (or one to suggest), so advice can name it. */
  account?: string;
}

/** The one plain shape of an error wherever it is shown or stored: IPC, HTTP, the registry, `--json`. */
export interface ErrorInfo {
  kind: ErrorKind;
  message: string;
  details?: ErrorDetails;
}

/** What a failed verification means to the person who asked, whatever the shell. */
export type VerificationOutcome = 'not-sent' | 'rejected' | 'inactive' | 'twilio-trouble' | 'other';

const OUTCOME_OF: Partial<Record<ErrorKind, VerificationOutcome>> = {
  'bad-input': 'not-sent',
  'invalid-credentials': 'rejected',
  forbidden: 'rejected',
  'not-found': 'rejected',
  'account-inactive': 'inactive',
  // Twilio's 5xx, no answer in time, a reset connection, 429 after the retries: nothing is wrong
  // with the credentials, so these are never worded as a refusal.
  twilio: 'twilio-trouble',
  timeout: 'twilio-trouble',
  network: 'twilio-trouble',
  'rate-limited': 'twilio-trouble',
};

/** The outcome a failed verification's error kind stands for; each shell has one title per outcome. */
export function verificationOutcome(kind: ErrorKind): VerificationOutcome {
  return OUTCOME_OF[kind] ?? 'other';
}
