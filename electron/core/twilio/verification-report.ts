/** Builds the VerificationReport (the shape of `verify --json`) and the summary kept in the registry. */
import type { AuthType, KeyType, VerificationReport, VerificationSummary } from '../../shared/app-types';
import { toErrorInfo, type AppError } from '../errors';
import type { AccountFacts } from './key-type-classifier';

/** The report of a verification that ended with an error (bad input, refusal, network…). */
export function failedReport(authType: AuthType, accountSid: string, error: AppError): VerificationReport {
  return {
    ok: false,
    authType,
    keyType: null,
    account: { sid: accountSid, friendlyName: null, status: null, type: null },
    warnings: [],
    error: toErrorInfo(error),
  };
}

/** The report of credentials Twilio accepted. */
export function acceptedReport(
  authType: AuthType,
  accountSid: string,
  keyType: KeyType | null,
  facts: AccountFacts | null,
  warnings: string[],
): VerificationReport {
  return {
    ok: true,
    authType,
    keyType,
    account: { sid: accountSid, friendlyName: facts?.friendlyName ?? null, status: facts?.status ?? null, type: facts?.type ?? null },
    warnings,
    error: null,
  };
}

/** What the registry remembers of a report (`lastVerification`). */
export function toVerificationSummary(report: VerificationReport, at: Date): VerificationSummary {
  const { ok, keyType, account, warnings, error } = report;
  return { at: at.toISOString(), ok, keyType, friendlyName: account.friendlyName, status: account.status, type: account.type, warnings, error };
}
