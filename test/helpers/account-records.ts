/** Registry records for unit tests that need accounts without a data folder or a keychain. */
import type { AccountRecord } from '../../electron/core/registry/registry-schema';
import * as sample from './sample-credentials';

/** An account record with well-formed made-up SIDs; `overrides` set anything else. */
export function accountRecord(overrides: Partial<AccountRecord> = {}): AccountRecord {
  const apiKey = overrides.authType === 'apiKey';
  return {
    id: overrides.id ?? `id-${overrides.name ?? 'Main'}`,
    name: 'Main',
    accountSid: sample.accountSid(),
    authType: 'authToken',
    apiKeySid: apiKey ? sample.apiKeySid() : null,
    keyType: null,
    region: 'us1',
    edge: null,
    keepsAuthToken: !apiKey,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastVerification: null,
    ...overrides,
  };
}
