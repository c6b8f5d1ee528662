/**
 * Rotates an API key account (FACTS.md, "Rotation"): a new Standard key is made with a credential
 * that may manage keys (the kept Auth Token, or the account's own Main key), stored, verified,
 * switched to in one step, and the old key deleted at Twilio. Until the switch any failure takes
 * the new key back, so the account keeps working on the old one and no new key is left behind —
 * or the message names the key that could not be deleted.
 */
import type { AccountSummary, VerificationReport } from '../../shared/app-types';
import type { AccountDeps } from '../accounts/account-operations';
import { REGISTRY_POLL_MS } from '../endpoint/endpoint-limits';
import { AppError } from '../errors';
import { realSleep } from '../twilio/rate-limit-wait';
import type { AccountRecord } from '../registry/registry-schema';
import { credentialsFromRecord } from '../twilio/auth-header';
import type { TwilioCredentials } from '../twilio/draft-check';
import { keyFriendlyName } from '../twilio/key-friendly-name';
import { toVerificationSummary } from '../twilio/verification-report';
import { settleInBase, slotPurposes, switchToNext } from './secret-slots';
import { refusalOf, verifyNewSecret } from './verify-new-secret';
import { CONSOLE_PATHS } from '../../shared/console-paths';
import { KEY_TYPE_NAMES } from '../../shared/key-type-names';
import { keyManagingCredentials, mayManageKeys } from '../accounts/key-management';

/** How long the old key is kept after the switch: several polls of the registry by another process's endpoint. */
export const OTHER_PROCESS_SWITCH_MS = REGISTRY_POLL_MS * 4;

/** What the caller is asked before a Main key is replaced by a Standard one; false stops before any change. */
export type Confirm = (question: string) => Promise<boolean>;

/** How a key rotation ended. */
export interface KeyRotationResult {
  status: 'rotated' | 'cancelled';
  account: AccountSummary;
  report: VerificationReport | null;
  oldKeySid: string;
  newKeySid: string | null;
  /** Null when the old key was deleted at Twilio; else why not (the account works on the new key either way). */
  oldKeyLeft: string | null;
}

/** The question asked before a Main key is rotated. */
export function mainToStandardQuestion(record: AccountRecord, byToken: boolean): string {
  return (
    `"${record.name}" uses a Main API key. Main keys can only be made in the Twilio Console, so rotation replaces it with a new Standard key, ` +
    'which can do everything the engine needs but cannot manage keys' +
    (byToken ? '.' : ': the next rotation will need the account\'s Auth Token (add it with "smsit-twilio accounts upgrade" on an Auth Token account, or rotate in the Console).') +
    ' Replace the Main key with a Standard key?'
  );
}

/** The credential allowed on /Keys (key-management.ts), or the refusal saying what to do instead. */
async function keyManager(deps: AccountDeps, record: AccountRecord): Promise<{ credentials: TwilioCredentials; byToken: boolean }> {
  if (!mayManageKeys(record)) {
    throw new AppError(
      'bad-input',
      `Rotating a key needs a credential that may manage keys — the account's Auth Token or a Main API key — and "${record.name}" has only a ${KEY_TYPE_NAMES[record.keyType!]} key. ` +
        `Either make a new key in the Twilio Console (${CONSOLE_PATHS.apiKeys}), add it with "smsit-twilio accounts add" and remove this account; ` +
        'or add the account with its Auth Token and run "smsit-twilio accounts upgrade NAME" (it keeps the Auth Token): from then on "accounts rotate" works.',
      { field: 'rotate' },
    );
  }
  return { credentials: await keyManagingCredentials(deps.accounts, record), byToken: record.keepsAuthToken };
}

/** Deletes the new key after a failed step and says, in words, whether that worked. */
async function takeBack(deps: AccountDeps, manager: TwilioCredentials, keySid: string, keyName: string): Promise<string> {
  try {
    await deps.twilio.deleteKey(manager, keySid);
    return ` The new key ${keySid} was deleted at Twilio again; the account still uses its old key.`;
  } catch {
    return ` The new key ${keySid} could not be deleted at Twilio: delete it in the Twilio Console (${CONSOLE_PATHS.apiKeys}, "${keyName}"). The account still uses its old key.`;
  }
}

/** Rotates the key of `ref`; `confirm` is asked only when a Main key would become a Standard one. */
export async function rotateApiKey(deps: AccountDeps, ref: string, confirm: Confirm): Promise<KeyRotationResult> {
  const { accounts, twilio } = deps;
  const now = deps.now ?? (() => new Date());
  const record = await accounts.find(ref);
  if (record.authType !== 'apiKey' || !record.apiKeySid) throw new AppError('bad-input', `"${record.name}" uses an Auth Token: "accounts rotate" rotates the token itself.`);
  const oldKeySid = record.apiKeySid;
  const manager = await keyManager(deps, record);
  if (record.keyType === 'main' && !(await confirm(mainToStandardQuestion(record, manager.byToken)))) {
    return { status: 'cancelled', account: await accounts.summary(record.id), report: null, oldKeySid, newKeySid: null, oldKeyLeft: null };
  }
  // Named by the upgrade's rule (account and computer), so the Console tells the keys apart.
  const keyName = keyFriendlyName(record.name, deps.computerName?.());
  const key = await twilio.createStandardKey(manager.credentials, keyName);
  const { next } = slotPurposes(record);
  try {
    await accounts.storeSecret(record, next, key.secret);
  } catch (error) {
    const info = error instanceof AppError ? error : new AppError('keychain-unavailable', 'The keychain could not store the new key\'s secret.');
    throw new AppError(info.kind, `The new key's secret could not be stored: ${info.message}` + (await takeBack(deps, manager.credentials, key.sid, keyName)), info.details, { cause: error });
  }
  const keyRecord = { ...record, apiKeySid: key.sid };
  const report = await verifyNewSecret(twilio, credentialsFromRecord(keyRecord, 'api-key-secret', key.secret), deps.sleep);
  if (!report.ok) {
    await accounts.discardSecret(record, next);
    throw refusalOf(report, ' (while checking the new key)' + (await takeBack(deps, manager.credentials, key.sid, keyName)));
  }
  try {
    await switchToNext(accounts, record.id, { apiKeySid: key.sid, keyType: report.keyType ?? 'standard', lastVerification: toVerificationSummary(report, now()) }, now());
  } catch (error) {
    await accounts.discardSecret(record, next);
    const info = error instanceof AppError ? error : new AppError('io', 'The account could not be switched to the new key.');
    throw new AppError(info.kind, info.message + (await takeBack(deps, manager.credentials, key.sid, keyName)), info.details, { cause: error });
  }
  // From here the account works on the new key, whatever happens next.
  await settleInBase(accounts, { ...record, secretInNext: true }, key.secret);
  // An endpoint in another process follows the registry by polling it: let it switch before the old key dies.
  await (deps.sleep ?? realSleep)(OTHER_PROCESS_SWITCH_MS);
  let oldKeyLeft: string | null = null;
  try {
    await twilio.deleteKey(manager.credentials, oldKeySid);
  } catch (error) {
    const why = error instanceof AppError ? error.message : 'Twilio did not answer.';
    oldKeyLeft = `The old key ${oldKeySid} could not be deleted at Twilio (${why.replace(/\.$/, '')}): delete it in the Twilio Console (${CONSOLE_PATHS.apiKeys}). The account already uses the new key.`;
  }
  return { status: 'rotated', account: await accounts.summary(record.id), report, oldKeySid, newKeySid: key.sid, oldKeyLeft };
}
