/**
 * The account operations that need Twilio as well as the keychain and the registry: add
 * (verified first), verify, upgrade to an API key, remove (optionally deleting the key at
 * Twilio). Each keeps the keychain, the registry and Twilio consistent when a step fails.
 */
import type { CredentialDraft, VerificationReport } from '../../shared/app-types';
import type { ChannelResult } from '../../shared/ipc-contract';
import { AppError } from '../errors';
import { credentialsFor, credentialsFromRecord } from '../twilio/auth-header';
import type { TwilioService } from '../twilio/twilio-service';
import { keyFriendlyName } from '../twilio/key-friendly-name';
import { realSleep } from '../twilio/rate-limit-wait';
import { toVerificationSummary } from '../twilio/verification-report';
import { assertNameFree, cleanAccountName } from './account-names';
import type { AccountStore } from './account-store';
import { entryName, secretPurposeName } from '../secrets/secret-store';
import { lookalikeOf } from './name-lookalikes';
import { accountsSharingKey } from './account-summary';
import { planKeyDeletion } from './key-deletion';
import { keyManagingCredentials } from './key-management';
import { CONSOLE_PATHS } from '../../shared/console-paths';

/** What every operation needs. */
export interface AccountDeps {
  accounts: AccountStore;
  twilio: TwilioService;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** This computer's name, put into the names of keys created here; the host name by default. */
  computerName?: () => string;
}

/**
 * Waits before re-checking a key Twilio has just created and refused with 20003. Cloud key stores
 * commonly take seconds to make a new key usable everywhere; Twilio does not document whether
 * its do, so a refusal is asked again twice before the new key is taken back.
 */
const NEW_KEY_RETRY_WAITS_MS = [1_000, 2_000];

/** The AppError a failed verification report stands for, with `addendum` after its message. */
function reportFailure(report: VerificationReport, addendum = ''): AppError {
  return AppError.fromInfo(report.error ?? { kind: 'internal', message: 'Verification failed.' }, addendum);
}

/**
 * Saves new credentials, verified first unless `verify` is false: credentials Twilio rejects
 * (or that cannot be checked) are not saved.
 */
export async function addAccount(
  deps: AccountDeps,
  input: { name: string; draft: CredentialDraft; verify: boolean },
): Promise<ChannelResult<'accounts:add'>> {
  const { accounts, twilio } = deps;
  const name = cleanAccountName(input.name);
  // Say "name taken" before spending a round trip to Twilio.
  assertNameFree((await accounts.registry.read()).accounts, name);
  let report: VerificationReport | null = null;
  if (input.verify) {
    report = await twilio.verify(input.draft);
    if (!report.ok) {
      const hint = report.error?.kind === 'bad-input' || report.error?.kind === 'invalid-credentials' ? '' : ' Nothing was saved.';
      throw reportFailure(report, hint);
    }
  }
  const { draft } = input;
  const record = await accounts.add({
    name,
    accountSid: draft.accountSid,
    authType: draft.authType,
    apiKeySid: draft.authType === 'apiKey' ? (draft.apiKeySid ?? null) : null,
    secret: draft.secret,
    region: draft.region,
    edge: draft.edge,
    keyType: report?.keyType ?? null,
    verification: report ? toVerificationSummary(report, (deps.now ?? (() => new Date()))()) : null,
  });
  const saved = await accounts.registry.read();
  const sharing = accountsSharingKey(saved.accounts, record);
  const warnings: string[] = [];
  if (sharing.length > 0) {
    warnings.push(`The API key ${record.apiKeySid} is also saved as ${sharing.map((account) => `"${account.name}"`).join(', ')}. Deleting it at Twilio would stop all of them working, so the app will not delete it while another account uses it.`);
  }
  const twin = lookalikeOf(saved.accounts.filter((account) => account.id !== record.id).map((account) => account.name), record.name);
  if (twin) {
    warnings.push(`"${record.name}" looks almost the same as the account "${twin}" (some letters look alike or come from another alphabet), so the two are easy to mix up in the tray. Consider renaming one of them.`);
  }
  return { account: await accounts.summary(record.id), report, warnings };
}

/** Verifies a saved account against Twilio and remembers the outcome (shown in the window and tray). */
export async function verifyAccount(deps: AccountDeps, ref: string): Promise<ChannelResult<'accounts:verify'>> {
  const record = await deps.accounts.find(ref);
  const report = await deps.twilio.verifyCredentials(await credentialsFor(record, deps.accounts));
  await deps.accounts.recordVerification(record.id, toVerificationSummary(report, (deps.now ?? (() => new Date()))()));
  return report;
}

/** Deletes a key at Twilio after a failed upgrade step; says in words whether that worked. */
async function compensate(deps: AccountDeps, credentials: Parameters<TwilioService['deleteKey']>[0], keySid: string, keyName: string): Promise<string> {
  try {
    await deps.twilio.deleteKey(credentials, keySid);
    return ` The new API key ${keySid} was deleted at Twilio again, so nothing is left behind; the account still uses its Auth Token.`;
  } catch {
    return ` The new API key ${keySid} could not be deleted at Twilio either: delete it in the Twilio Console (${CONSOLE_PATHS.apiKeys}, "${keyName}"). The account still uses its Auth Token.`;
  }
}

/**
 * Moves an Auth Token account to a new Standard API key: create the key, store its secret
 * before anything else (Twilio shows it once), verify it, then switch the account. If the
 * secret cannot be stored or the key does not verify, the key is deleted at Twilio again
 * (twilio-cli #216 left orphan keys). The auth token is kept only on request (webhook signatures).
 */
export async function upgradeAccount(
  deps: AccountDeps,
  ref: string,
  options: { keepAuthToken: boolean },
): Promise<ChannelResult<'accounts:upgrade'>> {
  const { accounts, twilio } = deps;
  const record = await accounts.find(ref);
  if (record.authType !== 'authToken') {
    throw new AppError('bad-input', `"${record.name}" already uses an API key; there is nothing to upgrade.`);
  }
  const tokenCredentials = await credentialsFor(record, accounts, 'auth-token');
  const keyName = keyFriendlyName(record.name, deps.computerName?.());
  const key = await twilio.createStandardKey(tokenCredentials, keyName);
  try {
    await accounts.storeSecret(record, 'api-key-secret', key.secret);
  } catch (error) {
    const info = error instanceof AppError ? error : new AppError('keychain-unavailable', 'The keychain could not store the new API key secret.');
    throw new AppError(info.kind, `The new API key's secret could not be stored: ${info.message}` + (await compensate(deps, tokenCredentials, key.sid, keyName)), info.details, { cause: error });
  }
  const keyRecord = { ...record, authType: 'apiKey' as const, apiKeySid: key.sid };
  const sleep = deps.sleep ?? realSleep;
  let report = await twilio.verifyCredentials(credentialsFromRecord(keyRecord, 'api-key-secret', key.secret));
  for (const wait of NEW_KEY_RETRY_WAITS_MS) {
    if (report.ok || report.error?.kind !== 'invalid-credentials') break;
    await sleep(wait);
    report = await twilio.verifyCredentials(credentialsFromRecord(keyRecord, 'api-key-secret', key.secret));
  }
  if (!report.ok) {
    await accounts.discardSecret(record, 'api-key-secret');
    throw reportFailure(report, ` (while checking the new API key)` + (await compensate(deps, tokenCredentials, key.sid, keyName)));
  }
  let switched;
  try {
    switched = await accounts.switchToApiKey(record.id, { apiKeySid: key.sid, keyType: report.keyType ?? 'standard', keepAuthToken: options.keepAuthToken });
  } catch (error) {
    await accounts.discardSecret(record, 'api-key-secret');
    const info = error instanceof AppError ? error : new AppError('io', 'The account could not be switched to the new API key.');
    throw new AppError(info.kind, info.message + (await compensate(deps, tokenCredentials, key.sid, keyName)), info.details, { cause: error });
  }
  await accounts.recordVerification(switched.id, toVerificationSummary(report, (deps.now ?? (() => new Date()))()));
  return { account: await accounts.summary(switched.id), report, keyName };
}

/** Names the secrets a removal could not delete from the keychain, and when they will be. */
function leftBehindWarnings({ record, secretsLeft }: Awaited<ReturnType<AccountStore['remove']>>): string[] {
  return secretsLeft.map(
    (purpose) =>
      `The keychain did not answer, so the ${secretPurposeName(purpose)} of "${record.name}" is still in it ` +
      `(entry "${entryName(record.id, purpose)}"). It is deleted the next time SMS-iT Twilio Credentials starts with the keychain available, ` +
      'or run "smsit-twilio doctor --clean".',
  );
}

/**
 * Removes an account; with `deleteKey`, first deletes its API key at Twilio, and keeps the
 * account if that fails, so the key is never forgotten while it still works.
 */
export async function removeAccount(deps: AccountDeps, ref: string, options: { deleteKey: boolean }): Promise<ChannelResult<'accounts:remove'>> {
  if (!options.deleteKey) {
    return { keyDeleted: false, warnings: leftBehindWarnings(await deps.accounts.remove((await deps.accounts.find(ref)).id)) };
  }
  // Checked here too, not only where the user is asked: the window and scripts call this directly.
  const { record, keySid } = await planKeyDeletion(deps.accounts, ref);
  const credentials = await keyManagingCredentials(deps.accounts, record);
  try {
    await deps.twilio.deleteKey(credentials, keySid);
  } catch (error) {
    if (error instanceof AppError && (error.kind === 'invalid-credentials' || error.kind === 'forbidden') && !record.keepsAuthToken) {
      throw new AppError(error.kind, `Twilio refused to delete the key: deleting an API key needs the Auth Token or a Main API key. Delete it in the Twilio Console, then remove "${record.name}" without deleting the key. Nothing was removed.`, error.details);
    }
    throw error instanceof AppError ? new AppError(error.kind, `${error.message} Nothing was removed.`, error.details) : error;
  }
  return { keyDeleted: true, warnings: leftBehindWarnings(await deps.accounts.remove(record.id)) };
}
