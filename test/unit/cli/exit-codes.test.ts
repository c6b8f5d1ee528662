import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../electron/cli/exit-codes';
import { ERROR_KINDS, type ErrorKind } from '../../../electron/shared/errors';

// The README's promise: 1 credentials rejected (or the account suspended or closed), 2 bad input or usage, 3 keychain (storage)
// unavailable, 4 network, timeout, rate limit or Twilio error (worth retrying).
const DOCUMENTED: Record<number, ErrorKind[]> = {
  1: ['invalid-credentials', 'forbidden', 'not-found', 'account-inactive'],
  2: ['bad-input', 'name-taken', 'unknown-account', 'no-active-account', 'port-in-use', 'cannot-validate'],
  3: ['keychain-unavailable', 'secret-missing', 'registry-corrupt', 'registry-busy', 'io'],
  4: ['rate-limited', 'network', 'timeout', 'twilio', 'endpoint-paused', 'unauthorized', 'internal'],
};

describe('exit codes', () => {
  it('every error kind has exactly the documented exit code', () => {
    const listed = Object.values(DOCUMENTED).flat();
    expect([...listed].sort()).toEqual([...ERROR_KINDS].sort());
    for (const [code, kinds] of Object.entries(DOCUMENTED)) {
      for (const kind of kinds) expect([kind, exitCodeFor(kind)]).toEqual([kind, Number(code)]);
    }
  });
});
