import { describe, expect, it } from 'vitest';
import { secretAgeDays, secretAgeLabel } from '../../../electron/shared/secret-age';

const now = new Date('2026-11-27T12:00:00Z');

describe('secret age', () => {
  it('counts whole days from the date the secret was made, when the app made it', () => {
    const rotated = { secretCreatedAt: '2026-11-15T13:00:00Z', createdAt: '2025-01-01T00:00:00Z' };
    expect(secretAgeDays(rotated, now)).toEqual({ days: 11, known: true });
    expect(secretAgeLabel(rotated, now)).toBe('11 days');
    expect(secretAgeLabel({ ...rotated, secretCreatedAt: '2026-11-27T01:00:00Z' }, now)).toBe('today');
  });

  it('says "saved … ago" when only the day it was saved here is known (Twilio\'s date may be earlier)', () => {
    expect(secretAgeLabel({ secretCreatedAt: null, createdAt: '2026-11-26T00:00:00Z' }, now)).toBe('saved 1 day ago');
    expect(secretAgeLabel({ createdAt: '2026-11-27T00:00:00Z' }, now)).toBe('saved today');
  });
});
