/** The `/v1/headers` answer, shared by the endpoint and `smsit-twilio headers` so both say the same thing. */
import { apiOrigin } from '../../shared/regions';
import type { AuthType } from '../../shared/app-types';
import type { AccountRecord } from '../registry/registry-schema';
import { authorizationHeader } from '../twilio/auth-header';

/** What an engine gets to call Twilio as one account. */
export interface HeadersAnswer {
  account: { name: string; accountSid: string; authType: AuthType; region: string };
  baseUrl: string;
  headers: { Authorization: string };
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
