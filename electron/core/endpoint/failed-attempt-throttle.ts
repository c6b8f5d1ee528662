/**
 * Slows wrong engine tokens without ever touching the right one. Every presented token is
 * compared (a valid token is always served: a flood of wrong ones must not lock the real engine
 * out, issue 14 item 1); what is throttled is the *answer* to a wrong token. Up to `maxFailures`
 * wrong tokens per window are answered at once; past that, each answer waits for its slot
 * (a generic cell-rate schedule, O(1) memory), and one that would wait longer than a window is
 * not answered at all (the connection is closed), so waiting answers stay bounded too.
 * Token-less requests do not count and are never slowed: there is nothing to guess in them, and
 * they answer the same whatever the throttle's state, so that state tells a prober nothing.
 * All callers come from loopback, so the schedule is global rather than per address.
 */

/** What to do with the answer to one wrong token. */
export type FailureVerdict = { delayMs: number } | 'drop';

/** A sliding schedule of wrong-token answers. */
export class FailedAttemptThrottle {
  /** When the schedule is next free ("theoretical arrival time"). */
  private nextAt = -Infinity;
  private readonly spacingMs: number;
  private readonly burstMs: number;

  constructor(
    maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.spacingMs = windowMs / Math.max(1, maxFailures);
    this.burstMs = windowMs - this.spacingMs;
  }

  /** Records one wrong token and says how long its answer waits, or 'drop' when the queue is a window long. */
  recordFailure(): FailureVerdict {
    const now = this.now();
    const at = Math.max(this.nextAt, now);
    const delayMs = Math.max(0, at - now - this.burstMs);
    if (delayMs > this.windowMs) return 'drop';
    this.nextAt = at + this.spacingMs;
    return { delayMs: Math.ceil(delayMs) };
  }
}
