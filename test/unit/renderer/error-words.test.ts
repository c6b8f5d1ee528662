/** Every kind of failure the core can report leads the user to a next step, chosen by kind. */
import { describe, expect, it } from 'vitest';
import { nextStepFor } from '../../../renderer/src/lib/error-words';
import type { ErrorKind } from '../../../electron/core/errors';

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
