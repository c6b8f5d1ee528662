import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/errors';
import { classifyApiKey, classifyAuthToken, type Outcome } from '../../../../electron/core/twilio/key-type-classifier';

const facts = { friendlyName: 'Acme', status: 'active', type: 'Full' };
const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = (kind: 'invalid-credentials' | 'forbidden' | 'network' | 'rate-limited'): Outcome<never> => ({ ok: false, error: new AppError(kind, kind) });

describe('classifyApiKey (account fetch + probe, FACTS.md)', () => {
  it('account readable: a Main key, with the account facts', () => {
    expect(classifyApiKey(ok(facts), ok(null))).toEqual({ keyType: 'main', account: facts, error: null });
  });

  it('account refused with 20003 but probe readable: a Standard key, accepted', () => {
    expect(classifyApiKey(fail('invalid-credentials'), ok(null))).toEqual({ keyType: 'standard', account: null, error: null });
  });

  it('account refused and probe forbidden (20403): a Restricted key, accepted', () => {
    expect(classifyApiKey(fail('invalid-credentials'), fail('forbidden')).keyType).toBe('restricted');
  });

  it('both refused with 20003: wrong credentials', () => {
    expect(classifyApiKey(fail('invalid-credentials'), fail('invalid-credentials')).error?.kind).toBe('invalid-credentials');
  });

  it('a network or rate-limit failure of the account fetch is reported as such, not as a key type', () => {
    expect(classifyApiKey(fail('network'), ok(null))).toMatchObject({ keyType: null, error: { kind: 'network' } });
    expect(classifyApiKey(fail('invalid-credentials'), fail('rate-limited')).error?.kind).toBe('rate-limited');
  });

  it('an auth token is accepted with the account facts or refused with the error', () => {
    expect(classifyAuthToken(ok(facts))).toEqual({ keyType: null, account: facts, error: null });
    expect(classifyAuthToken(fail('invalid-credentials')).error?.kind).toBe('invalid-credentials');
  });
});
