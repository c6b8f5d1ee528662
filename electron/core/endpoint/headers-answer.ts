/** The `/v1/headers` answer, shared by the endpoint and `smsit-twilio headers` so both say the same thing. */
import { apiOrigin } from '../../shared/regions';
import type { AuthType } from '../../shared/app-types';
import { AppError } from '../errors';
import { secretPurposeFor } from '../accounts/account-summary';
import type { AccountRecord, Registry } from '../registry/registry-schema';
import type { SecretPurpose } from '../secrets/secret-store';
import { authorizationHeader } from '../twilio/auth-header';

/** What an engine gets to call Twilio as one account. */
export interface HeadersAnswer {
  account: { name: string; accountSid: string; authType: AuthType; region: string };
  baseUrl: string;
  headers: { Authorization: string };
}

/** The account `ref` names (id or name, case-insensitive), or the active one; throws `unknown-account` / `no-active-account`. */
export function pickAccount(registry: Pick<Registry, 'accounts' | 'activeAccountId'>, ref: string | null): AccountRecord {
  if (ref !== null) {
    const wanted = ref.trim().toLowerCase();
    const found = registry.accounts.find((a) => a.id === ref || a.name.toLowerCase() === wanted);
    if (!found) {
      throw new AppError('unknown-account', `There is no saved account named "${ref.slice(0, 100)}". GET /v1/accounts lists the names.`);
    }
    return found;
  }
  const active = registry.accounts.find((a) => a.id === registry.activeAccountId);
  if (!active) {
    throw new AppError(
      'no-active-account',
      'No Twilio account is active. Add one in the SMS-iT Twilio Credentials app (or `smsit-twilio accounts add`), or choose one from the tray menu.',
    );
  }
  return active;
}

/** The keychain entry whose secret signs this account's requests. */
export function requestSecretPurpose(record: AccountRecord): SecretPurpose {
  return secretPurposeFor(record);
}

/** The API origin for an account: `apiBase` (SMSIT_TWILIO_API_BASE) when set, else its region and edge. */
export function baseUrlFor(record: AccountRecord, apiBase: string | null): string {
  return apiBase ? apiBase.replace(/\/+$/, '') : apiOrigin(record.region, record.edge);
}

/** Builds the answer from an account and its secret. */
export function headersAnswer(record: AccountRecord, secret: string, apiBase: string | null): HeadersAnswer {
  return {
    account: { name: record.name, accountSid: record.accountSid, authType: record.authType, region: record.region },
    baseUrl: baseUrlFor(record, apiBase),
    headers: { Authorization: authorizationHeader(record, secret) },
  };
}
