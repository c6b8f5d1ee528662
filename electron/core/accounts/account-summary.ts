/** How a saved account is shown outside the core: no secret, not even part of one. */
import type { AccountSummary } from '../../shared/app-types';
import type { AccountRecord } from '../registry/registry-schema';

/** A fixed mask: no character of a secret ever leaves the keychain for display. */
export const SECRET_MASK = '••••••••••••••••';

/** The summary every shell sees. */
export function toSummary(record: AccountRecord, activeAccountId: string | null): AccountSummary {
  return {
    id: record.id,
    name: record.name,
    accountSid: record.accountSid,
    authType: record.authType,
    apiKeySid: record.apiKeySid,
    keyType: record.keyType,
    region: record.region,
    edge: record.edge,
    keepsAuthToken: record.keepsAuthToken,
    active: record.id === activeAccountId,
    maskedSecret: SECRET_MASK,
    createdAt: record.createdAt,
    secretCreatedAt: record.secretCreatedAt ?? null,
    lastVerification: record.lastVerification,
  };
}
