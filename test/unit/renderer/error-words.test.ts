/** Every kind of failure the core can report leads the user to a next step, chosen by kind. */
import { describe, expect, it } from 'vitest';
import { errorTitle, importNextStepFor, nextStepFor } from '../../../renderer/src/lib/error-words';
import type { ErrorKind } from '../../../electron/shared/errors';

describe('nextStepFor', () => {
  it('points at the region for refused credentials, since Twilio only says "Authenticate"', () => {
    expect(nextStepFor({ kind: 'invalid-credentials', message: 'x' })).toMatch(/region .*"Advanced"/);
  });

  it('tells the user to unlock the keychain when it is unavailable', () => {
    expect(nextStepFor({ kind: 'keychain-unavailable', message: 'x' })).toMatch(/Unlock your system keychain/);
  });

  it('falls back to "try again" with the support address for anything unexpected', () => {
    const kinds: ErrorKind[] = ['internal', 'io', 'cannot-validate'];
    for (const kind of kinds) expect(nextStepFor({ kind, message: 'x' })).toMatch(/support@sms-it\.ai/);
  });
});

describe('errorTitle', () => {
  it('never titles Twilio trouble (5xx, timeout, reset, 429 after retries) as refused credentials', () => {
    for (const kind of ['twilio', 'timeout', 'network', 'rate-limited'] as const) {
      expect(errorTitle({ kind, message: 'x' })).toBe('Twilio had a problem — nothing is wrong with what you pasted');
    }
  });

  it('gives a refusal, a suspended or closed account and a bad paste each their own title', () => {
    expect(errorTitle({ kind: 'invalid-credentials', message: 'x' })).toBe('Twilio did not accept these credentials');
    expect(errorTitle({ kind: 'account-inactive', message: 'x' })).toBe('This Twilio account cannot send messages');
    expect(errorTitle({ kind: 'bad-input', message: 'x' })).toBe('Check what you pasted');
    expect(nextStepFor({ kind: 'account-inactive', message: 'x' })).toMatch(/Twilio Console/);
  });
});

describe('importNextStepFor', () => {
  it('gives a refused import the file\'s own next steps (out of date, or another region), not the Console\'s copy buttons', () => {
    const next = importNextStepFor({ kind: 'invalid-credentials', message: 'x' });
    expect(next).toMatch(/out of date .*guided setup/);
    expect(next).toMatch(/TWILIO_REGION/);
    expect(next).not.toMatch(/copy buttons/);
  });

  it('falls back to the general next step for every other kind', () => {
    expect(importNextStepFor({ kind: 'keychain-unavailable', message: 'x' })).toBe(nextStepFor({ kind: 'keychain-unavailable', message: 'x' }));
  });
});
