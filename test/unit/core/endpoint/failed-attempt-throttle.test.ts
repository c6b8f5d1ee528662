import { describe, expect, it } from 'vitest';
import { FailedAttemptThrottle } from '../../../../electron/core/endpoint/failed-attempt-throttle';

describe('failed token attempt throttle', () => {
  it('stays open below the limit and closes at it for the rest of the window', () => {
    let now = 1_000;
    const throttle = new FailedAttemptThrottle(3, 10_000, () => now);
    throttle.recordFailure();
    throttle.recordFailure();
    expect(throttle.blockedForMs()).toBe(0);
    throttle.recordFailure();
    expect(throttle.blockedForMs()).toBe(10_000);
    now += 4_000;
    expect(throttle.blockedForMs()).toBe(6_000);
    now += 6_000;
    expect(throttle.blockedForMs()).toBe(0);
  });

  it('slides: old failures stop counting, recent ones keep it closed', () => {
    let now = 0;
    const throttle = new FailedAttemptThrottle(2, 1_000, () => now);
    throttle.recordFailure();
    now = 900;
    throttle.recordFailure();
    expect(throttle.blockedForMs()).toBe(100);
    now = 1_000;
    expect(throttle.blockedForMs()).toBe(0);
    throttle.recordFailure();
    expect(throttle.blockedForMs()).toBe(900);
  });
});
