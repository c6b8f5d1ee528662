import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../../../electron/core/twilio/rate-limit-wait';

describe('retryAfterMs', () => {
  it('honours Retry-After in seconds', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0.5')).toBe(500);
  });

  it('caps long waits at 5 seconds so a verification never hangs', () => {
    expect(retryAfterMs('120')).toBe(5000);
  });

  it('reads an HTTP date, and waits 1 second when the header is missing or unreadable', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
  });
});
