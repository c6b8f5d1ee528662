/**
 * Rotation for a shell that asks its questions before it starts (the window shows what rotation
 * means and a Rotate button): the right rotation for the account, and one sentence saying how it went.
 */
import type { AccountSummary, VerificationReport } from '../../shared/app-types';
import type { AccountDeps } from '../accounts/account-operations';
import { rotateApiKey } from './rotate-api-key';
import { rotateAuthToken } from './rotate-auth-token';

/** What the window shows after a rotation. */
export interface RotationOutcome {
  account: AccountSummary;
  report: VerificationReport | null;
  message: string;
}

/** Rotates `ref`, its questions already answered yes by the user (the shell asked them first). */
export async function rotateAccount(deps: AccountDeps, ref: string): Promise<RotationOutcome> {
  const record = await deps.accounts.find(ref);
  const yes = async () => true;
  if (record.authType === 'apiKey') {
    const result = await rotateApiKey(deps, record.id, yes);
    const message = `"${result.account.name}" now uses the new Standard API key ${result.newKeySid}, verified before the switch. ` + (result.oldKeyLeft ?? `The old key ${result.oldKeySid} was deleted at Twilio.`);
    return { account: result.account, report: result.report, message };
  }
  const result = await rotateAuthToken(deps, record.id, yes);
  return { account: result.account, report: result.report, message: `"${result.account.name}" now uses its new Auth Token; the old one no longer works anywhere. Webhooks signed with the old token are accepted for 10 more minutes.` };
}
