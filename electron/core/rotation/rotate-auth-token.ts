/**
 * Rotates an Auth Token account with Twilio's secondary token (FACTS.md, "Rotation"): create the
 * secondary, store it beside the primary, verify it, ask (every other system using the old token
 * stops working), promote it, and switch the account to it in one step. Webhook checks accept
 * both tokens from the secondary's creation until a while after the promotion (Twilio: about a
 * minute to spread). Before the promotion any failure or a "no" deletes the secondary again.
 */
import type { AccountSummary, VerificationReport } from '../../shared/app-types';
import type { AccountDeps } from '../accounts/account-operations';
import { AppError, isErrorKind } from '../errors';
import type { AccountRecord } from '../registry/registry-schema';
import { credentialsFor, credentialsFromRecord } from '../twilio/auth-header';
import type { TwilioCredentials } from '../twilio/draft-check';
import { toVerificationSummary } from '../twilio/verification-report';
import type { Confirm } from './rotate-api-key';
import { settleInBase, slotPurposes, switchToNext, updateRecord } from './secret-slots';
import { refusalOf, verifyNewSecret } from './verify-new-secret';
import { CONSOLE_PATHS } from '../../shared/console-paths';

/** How long webhooks signed with the old token are still accepted after the promotion. */
export const OLD_TOKEN_WEBHOOK_GRACE_MS = 10 * 60 * 1000;

/** How an Auth Token rotation ended. */
export interface TokenRotationResult {
  status: 'rotated' | 'cancelled';
  account: AccountSummary;
  report: VerificationReport | null;
}

/** The question asked before the promotion. */
export function promotionQuestion(record: AccountRecord): string {
  return (
    `The new Auth Token of "${record.name}" works. Promoting it makes the old Auth Token stop working everywhere, at once and for good: ` +
    'every other system that uses it — other servers, scripts, .env files, twilio-cli profiles, the Console\'s test tools — will be refused by Twilio until it gets the new token. ' +
    'SMS-iT Workflow switches by itself. Promote the new Auth Token now?'
  );
}

/** Deletes the unpromoted secondary (at Twilio and in the keychain) and says whether that worked. */
async function dropSecondary(deps: AccountDeps, record: AccountRecord, primary: TwilioCredentials): Promise<string> {
  const { next } = slotPurposes(record);
  await deps.accounts.discardSecret(record, next);
  await updateRecord(deps.accounts, record.id, (found) => void delete found.otherAuthTokenUntil).catch(() => undefined);
  try {
    await deps.twilio.deleteSecondaryAuthToken(primary);
    return ' The new secondary Auth Token was deleted again; the account still uses its Auth Token.';
  } catch {
    return ' The new secondary Auth Token could not be deleted at Twilio: delete it in the Twilio Console (${CONSOLE_PATHS.apiKeys} > Auth tokens). The account still uses its Auth Token.';
  }
}

/** True when Twilio no longer accepts the old token: the promotion happened although its answer was lost. */
async function promotedAnyway(deps: AccountDeps, primary: TwilioCredentials): Promise<boolean> {
  const report = await deps.twilio.verifyCredentials(primary);
  return !report.ok && report.error?.kind === 'invalid-credentials';
}

/** Rotates the Auth Token of `ref`; `confirm` is asked before the promotion (false: nothing changes). */
export async function rotateAuthToken(deps: AccountDeps, ref: string, confirm: Confirm): Promise<TokenRotationResult> {
  const { accounts, twilio } = deps;
  const now = deps.now ?? (() => new Date());
  const record = await accounts.find(ref);
  if (record.authType !== 'authToken') throw new AppError('bad-input', `"${record.name}" uses an API key: "accounts rotate" makes a new key for it.`);
  if (record.secretInNext) throw new AppError('bad-input', `A previous rotation of "${record.name}" did not finish. Verify the account ("smsit-twilio accounts verify"), then rotate again.`);
  const primary = await credentialsFor(record, accounts);
  const secondary = await twilio.createSecondaryAuthToken(primary).catch((error: unknown) => {
    if (isErrorKind(error, 'invalid-credentials') || isErrorKind(error, 'forbidden')) {
      throw new AppError(error.kind, `Twilio refused to make a secondary Auth Token with this account's Auth Token (${error.message.replace(/\.$/, '')}). Check the account with "smsit-twilio accounts verify"; a subaccount's token may not manage tokens.`, error.details);
    }
    throw error;
  });
  const { next } = slotPurposes(record);
  try {
    await accounts.storeSecret(record, next, secondary);
    await updateRecord(accounts, record.id, (found) => void (found.otherAuthTokenUntil = null));
  } catch (error) {
    const info = error instanceof AppError ? error : new AppError('keychain-unavailable', 'The keychain could not store the secondary Auth Token.');
    throw new AppError(info.kind, `The secondary Auth Token could not be stored: ${info.message}` + (await dropSecondary(deps, record, primary)), info.details, { cause: error });
  }
  const report = await verifyNewSecret(twilio, credentialsFromRecord(record, 'auth-token', secondary), deps.sleep);
  if (!report.ok) throw refusalOf(report, ' (while checking the secondary Auth Token)' + (await dropSecondary(deps, record, primary)));
  if (!(await confirm(promotionQuestion(record)))) {
    await dropSecondary(deps, record, primary);
    return { status: 'cancelled', account: await accounts.summary(record.id), report: null };
  }
  try {
    await twilio.promoteSecondaryAuthToken(primary);
  } catch (error) {
    if (!(await promotedAnyway(deps, primary).catch(() => false))) {
      const info = error instanceof AppError ? error : new AppError('twilio', 'Twilio did not promote the secondary Auth Token.');
      throw new AppError(info.kind, `${info.message}` + (await dropSecondary(deps, record, primary)), info.details, { cause: error });
    }
  }
  // Promoted: the old token is dead. One write points the endpoint at the new one; webhooks accept both for a while.
  const switched = await switchToNext(accounts, record.id, { otherAuthTokenUntil: null, lastVerification: toVerificationSummary(report, now()) }, now());
  // The old token goes back into `-next` for the webhook grace period, once the new one is in the usual entry.
  if (await settleInBase(accounts, switched, secondary, { otherAuthTokenUntil: undefined })) {
    const old = primary.secret;
    await accounts.storeSecret(record, next, old).catch(() => undefined);
    await updateRecord(accounts, record.id, (found) => void (found.otherAuthTokenUntil = new Date(now().getTime() + OLD_TOKEN_WEBHOOK_GRACE_MS).toISOString())).catch(() => undefined);
  }
  return { status: 'rotated', account: await accounts.summary(record.id), report };
}
