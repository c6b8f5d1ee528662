import { describe, expect, it } from 'vitest';
import { parseApiBase } from '../../../electron/core/api-base';
import { createAppContext } from '../../../electron/core/app-context';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';

describe('SMSIT_TWILIO_API_BASE', () => {
  it('is read once into the app context: trimmed, without a trailing slash, null when unset', () => {
    const context = (value?: string) => createAppContext({ env: value === undefined ? {} : { SMSIT_TWILIO_API_BASE: value }, dataDir: '/tmp/smsit-unused', secrets: new MemorySecretStore() });
    expect(context(' http://127.0.0.1:5999/ ').apiBase).toBe('http://127.0.0.1:5999');
    expect(context().apiBase).toBeNull();
    expect(context('  ').apiBase).toBeNull();
  });

  it('refuses what is not an http(s) URL, or carries credentials, without echoing them', () => {
    for (const value of ['ftp://proxy.example.com', 'not a url', 'https://user:pw@proxy.example.com']) {
      expect(() => parseApiBase({ SMSIT_TWILIO_API_BASE: value })).toThrow(expect.objectContaining({ kind: 'bad-input', message: expect.not.stringContaining('pw@') }));
    }
  });
});
