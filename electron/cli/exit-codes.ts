/** `smsit-twilio` exit codes, by error kind, so scripts can branch without reading messages. */
import type { ErrorKind } from '../shared/errors';

export const EXIT_OK = 0;
/** Twilio rejected the credentials (or refused the request for them), or the account is suspended or closed. */
export const EXIT_REJECTED = 1;
/** Bad input or usage: nothing was sent to Twilio. */
export const EXIT_USAGE = 2;
/** The keychain (or the registry beside it) is not available. */
export const EXIT_STORAGE = 3;
/** Network, timeout, rate limit or a Twilio error: worth retrying later. */
export const EXIT_UNAVAILABLE = 4;

/** Every kind has its code here: a new kind does not compile until it is given one. */
const BY_KIND: Record<ErrorKind, number> = {
  'invalid-credentials': EXIT_REJECTED,
  forbidden: EXIT_REJECTED,
  'not-found': EXIT_REJECTED,
  // Twilio accepted the credentials but will not let the account send: as unusable as a refusal.
  'account-inactive': EXIT_REJECTED,
  'bad-input': EXIT_USAGE,
  'name-taken': EXIT_USAGE,
  'unknown-account': EXIT_USAGE,
  'no-active-account': EXIT_USAGE,
  // Another port (--port) or an account that keeps its auth token is the fix: the caller's to choose.
  'port-in-use': EXIT_USAGE,
  'cannot-validate': EXIT_USAGE,
  'keychain-unavailable': EXIT_STORAGE,
  'secret-missing': EXIT_STORAGE,
  'registry-corrupt': EXIT_STORAGE,
  'registry-busy': EXIT_STORAGE,
  io: EXIT_STORAGE,
  'rate-limited': EXIT_UNAVAILABLE,
  network: EXIT_UNAVAILABLE,
  timeout: EXIT_UNAVAILABLE,
  twilio: EXIT_UNAVAILABLE,
  // The endpoint's own answers; a command that meets them can be run again later.
  'endpoint-paused': EXIT_UNAVAILABLE,
  unauthorized: EXIT_UNAVAILABLE,
  internal: EXIT_UNAVAILABLE,
};

/** The exit code for an error kind. */
export function exitCodeFor(kind: ErrorKind): number {
  return BY_KIND[kind];
}
