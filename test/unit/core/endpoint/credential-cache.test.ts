import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/errors';
import { CredentialCache, credentialFingerprint } from '../../../../electron/core/endpoint/credential-cache';
import type { AccountRecord } from '../../../../electron/core/registry/registry-schema';
import { accountRecord } from '../../../helpers/account-records';

const record = (id: string, over: Partial<AccountRecord> = {}): AccountRecord => accountRecord({ id, name: id, accountSid: `AC${'0'.repeat(32)}`, ...over });

describe('credential cache', () => {
  it('reads a secret from the keychain once, however many requests ask', async () => {
    let reads = 0;
    const cache = new CredentialCache(async () => `secret-${++reads}`);
    const answers = await Promise.all([1, 2, 3].map(() => cache.get(record('a'), 'auth-token')));
    expect(answers).toEqual(['secret-1', 'secret-1', 'secret-1']);
    expect(await cache.get(record('a'), 'auth-token')).toBe('secret-1');
    expect(reads).toBe(1);
  });

  it('forgets a failed read so the next request tries the keychain again', async () => {
    let fail = true;
    const cache = new CredentialCache(async () => {
      if (fail) throw new AppError('keychain-unavailable', 'locked');
      return 'secret';
    });
    await expect(cache.get(record('a'), 'auth-token')).rejects.toMatchObject({ kind: 'keychain-unavailable' });
    fail = false;
    expect(await cache.get(record('a'), 'auth-token')).toBe('secret');
  });

  it('drops every secret on clear', async () => {
    let reads = 0;
    const cache = new CredentialCache(async () => `s${++reads}`);
    await cache.get(record('a'), 'auth-token');
    cache.clear();
    expect(cache.size).toBe(0);
    expect(await cache.get(record('a'), 'auth-token')).toBe('s2');
  });

  it('changes its fingerprint when credentials change, not when a verification date does', () => {
    const base = credentialFingerprint([record('a')]);
    expect(credentialFingerprint([record('a', { lastVerification: null, name: 'renamed' })])).toBe(base);
    expect(credentialFingerprint([record('a', { authType: 'apiKey', apiKeySid: `SK${'1'.repeat(32)}` })])).not.toBe(base);
    expect(credentialFingerprint([])).not.toBe(base);
  });
});
