/** The core's error value: an Error with a kind, and its plain ErrorInfo form for every shell. */
import type { ErrorDetails, ErrorInfo, ErrorKind } from '../shared/errors';

export { ERROR_KINDS, type ErrorDetails, type ErrorInfo, type ErrorKind } from '../shared/errors';

const UNEXPECTED = 'Something unexpected went wrong. Try again; if it keeps happening, tell us at support@sms-it.ai.';

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

  /** The AppError an ErrorInfo stands for (a failed report, a stored status), details and all; `addendum` is appended to the message. */
  static fromInfo(info: ErrorInfo, addendum = ''): AppError {
    return new AppError(info.kind, info.message + addendum, { ...info.details });
  }
}

/** Turns anything thrown into an ErrorInfo without leaking stack traces or foreign messages. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) {
    const hasDetails = Object.keys(error.details).length > 0;
    return hasDetails
      ? { kind: error.kind, message: error.message, details: { ...error.details } }
      : { kind: error.kind, message: error.message };
  }
  return { kind: 'internal', message: UNEXPECTED };
}

/** True when `error` is an AppError of the given kind. */
export function isErrorKind(error: unknown, kind: ErrorKind): error is AppError {
  return error instanceof AppError && error.kind === kind;
}
