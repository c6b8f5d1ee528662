import { describe, expect, it } from 'vitest';
import { FailedAttemptThrottle } from '../../../../electron/core/endpoint/failed-attempt-throttle';

describe('wrong-token throttle', () => {
  it('answers the first failures of a window at once, then spaces the answers out', () => {
    let now = 1_000;
    const throttle = new FailedAttemptThrottle(3, 9_000, () => now);
    expect([throttle.recordFailure(), throttle.recordFailure(), throttle.recordFailure()]).toEqual([{ delayMs: 0 }, { delayMs: 0 }, { delayMs: 0 }]);
    expect(throttle.recordFailure()).toEqual({ delayMs: 3_000 });
    expect(throttle.recordFailure()).toEqual({ delayMs: 6_000 });
    now += 6_000;
    expect(throttle.recordFailure()).toEqual({ delayMs: 3_000 });
  });

  it('drops answers that would wait longer than a window, so waiting answers stay bounded', () => {
    const now = 0;
    const throttle = new FailedAttemptThrottle(2, 1_000, () => now);
    const verdicts = Array.from({ length: 6 }, () => throttle.recordFailure());
    expect(verdicts).toEqual([{ delayMs: 0 }, { delayMs: 0 }, { delayMs: 500 }, { delayMs: 1_000 }, 'drop', 'drop']);
  });

  it('recovers fully after a quiet window', () => {
    let now = 0;
    const throttle = new FailedAttemptThrottle(2, 1_000, () => now);
    for (let i = 0; i < 4; i++) throttle.recordFailure();
    now += 2_500;
    expect([throttle.recordFailure(), throttle.recordFailure()]).toEqual([{ delayMs: 0 }, { delayMs: 0 }]);
  });
});
