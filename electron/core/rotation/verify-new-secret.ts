/** Verifies a secret Twilio has just made, asking again after a refusal (new credentials may take seconds to work everywhere). */
import type { VerificationReport } from '../../shared/app-types';
import { AppError } from '../errors';
import type { TwilioCredentials } from '../twilio/draft-check';
import { realSleep } from '../twilio/rate-limit-wait';
import type { TwilioService } from '../twilio/twilio-service';

/** The waits before the second and third check after a 20003 (as the upgrade does for new keys). */
export const NEW_SECRET_RETRY_WAITS_MS = [1_000, 2_000];

/** The report of the last check: ok as soon as Twilio accepts, or the last refusal. */
export async function verifyNewSecret(twilio: TwilioService, credentials: TwilioCredentials, sleep: (ms: number) => Promise<void> = realSleep): Promise<VerificationReport> {
  let report = await twilio.verifyCredentials(credentials);
  for (const wait of NEW_SECRET_RETRY_WAITS_MS) {
    if (report.ok || report.error?.kind !== 'invalid-credentials') break;
    await sleep(wait);
    report = await twilio.verifyCredentials(credentials);
  }
  return report;
}

/** The error a failed check of a new secret stands for, with what was done about it. */
export function refusalOf(report: VerificationReport, addendum: string): AppError {
  return AppError.fromInfo(report.error ?? { kind: 'internal', message: 'Verification failed.' }, addendum);
}
