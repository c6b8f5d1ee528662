/**
 * How long to wait before retrying a 429 (Twilio error 20429): Twilio's `Retry-After` header
 * (seconds, or an HTTP date), capped so that a verification never hangs on a long wait.
 */

/** At most this many retries of one request after a 429. */
export const MAX_RATE_LIMIT_RETRIES = 2;

/** No single wait longer than this, whatever Retry-After says. */
export const MAX_RATE_LIMIT_WAIT_MS = 5_000;

/** The wait when Twilio sends no usable Retry-After. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

/** Milliseconds to wait for a Retry-After value, capped at MAX_RATE_LIMIT_WAIT_MS. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number {
  const value = header?.trim() ?? '';
  let wait = DEFAULT_RATE_LIMIT_WAIT_MS;
  if (/^\d+(\.\d+)?$/.test(value)) {
    wait = Number(value) * 1000;
  } else if (value !== '') {
    const date = Date.parse(value);
    if (!Number.isNaN(date)) wait = date - now;
  }
  return Math.min(Math.max(wait, 0), MAX_RATE_LIMIT_WAIT_MS);
}

/** The real sleep; tests pass their own so they never wait. */
export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
