/** Builds the VerificationReport (the shape of `verify --json`) and the summary kept in the registry. */
import type { AuthType, KeyType, VerificationReport, VerificationSummary } from '../../shared/app-types';
import { AppError, toErrorInfo } from '../errors';
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

/**
 * Twilio's account statuses (api.v2010 account `status`: active, suspended, closed). Suspended
 * and closed accounts answer with valid credentials but cannot send: they are not "working".
 */
export function inactiveAccountError(facts: AccountFacts | null, accountSid: string): AppError | null {
  const named = facts?.friendlyName ? `"${facts.friendlyName}" (${accountSid})` : accountSid;
  if (facts?.status === 'suspended') {
    return new AppError(
      'account-inactive',
      `Twilio accepted the credentials, but the account ${named} is suspended: Twilio refuses to send messages from it until the suspension is lifted. ` +
        'Twilio suspends an account for an unpaid balance or a policy review; the Twilio Console (Account Dashboard) or Twilio support says why and how to lift it.',
    );
  }
  if (facts?.status === 'closed') {
    return new AppError('account-inactive', `Twilio accepted the credentials, but the account ${named} is closed: it can no longer send messages, and a closed account cannot be reopened. Use the credentials of an active account.`);
  }
  return null;
}

/** The report of credentials Twilio accepted for an account that cannot send (suspended or closed): not ok, with what Twilio said. */
export function inactiveReport(authType: AuthType, accountSid: string, keyType: KeyType | null, facts: AccountFacts, error: AppError): VerificationReport {
  return { ...acceptedReport(authType, accountSid, keyType, facts, []), ok: false, error: toErrorInfo(error) };
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
