/**
 * Throttles failed token attempts. All callers come from loopback, so the count is global rather
 * than per address (a local attacker can switch between 127.0.0.1 and ::1 at will). While it is
 * closed no token is even compared, valid or not: otherwise a guesser would still learn which
 * guess was right. The price, documented in docs/engine.md, is that a flood of bad tokens delays
 * the real engine by at most one window.
 */

/** Counts failures in a sliding window; memory stays bounded by `maxFailures`. */
export class FailedAttemptThrottle {
  private readonly failures: number[] = [];

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until tokens are checked again; 0 when open. */
  blockedForMs(): number {
    if (this.failures.length < this.maxFailures) return 0;
    const oldest = this.failures[0] ?? 0;
    return Math.max(0, oldest + this.windowMs - this.now());
  }

  /** Records one failed attempt. */
  recordFailure(): void {
    this.failures.push(this.now());
    if (this.failures.length > this.maxFailures) this.failures.shift();
  }
}
