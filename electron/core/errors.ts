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
  /** Where a file was kept aside, which field was wrong, … — safe to show. */
  field?: string;
  path?: string;
}

/** A failure with a kind and a message a person can act on. The cause is kept for debugging only. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly details: ErrorDetails;

  constructor(kind: ErrorKind, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.kind = kind;
    this.details = details;
  }
}

/** The plain shape an error takes when it crosses IPC, HTTP or `--json` output. */
export interface ErrorInfo {
  kind: ErrorKind;
  message: string;
  details?: ErrorDetails;
}

/** Turns anything thrown into an ErrorInfo without leaking stack traces or foreign messages. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) {
    const hasDetails = Object.keys(error.details).length > 0;
    return hasDetails
      ? { kind: error.kind, message: error.message, details: error.details }
      : { kind: error.kind, message: error.message };
  }
  return { kind: 'internal', message: 'Something unexpected went wrong. Try again; if it keeps happening, tell us at support@sms-it.ai.' };
}

/** True when `error` is an AppError of the given kind. */
export function isErrorKind(error: unknown, kind: ErrorKind): error is AppError {
  return error instanceof AppError && error.kind === kind;
}
