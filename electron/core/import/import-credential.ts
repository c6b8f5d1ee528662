/**
 * Imports one found credential: reported as a duplicate when the same Account SID and key SID
 * are saved already; otherwise verified with Twilio and saved (addAccount); then, on request,
 * scrubbed from its plain file — only once the keychain holds the verified secret.
 */
import type { ImportOutcome } from '../../shared/app-types';
import { addAccount, type AccountDeps } from '../accounts/account-operations';
import { assertNameFree, cleanAccountName } from '../accounts/account-names';
import { requestSecretPurpose } from '../twilio/auth-header';
import { AppError, toErrorInfo } from '../errors';
import type { AccountRecord } from '../registry/registry-schema';
import { withoutDefinition } from './dotenv-text';
import { sameCredential, type FoundCredential } from './found-credential';
import { rewritePlainFile } from './rewrite-plain-file';
import { withoutProfileSecret } from './twilio-cli-config';

export type { ImportOutcome } from '../../shared/app-types';

/** The saved account holding the same credential, if any. */
export function duplicateOf(found: FoundCredential, accounts: readonly AccountRecord[]): AccountRecord | null {
  return accounts.find((account) => sameCredential(account, found)) ?? null;
}

/** `wanted`, or when it is taken, `wanted 2`, `wanted 3`, … (throws `bad-input` when `wanted` breaks the name rules). */
export function freeName(accounts: readonly Pick<AccountRecord, 'id' | 'name'>[], wanted: string): string {
  const base = cleanAccountName(wanted.slice(0, 60));
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base} ${n}`;
    try {
      assertNameFree(accounts, name);
      return name;
    } catch {
      // taken: try the next
    }
  }
}

/** What a scrubbed twilio-cli profile says instead of its secret. */
export function scrubNote(accountName: string): string {
  return `Moved to the system keychain by SMS-iT Twilio Credentials (account "${accountName}"). Run twilio with it: smsit-twilio exec "${accountName}" -- twilio …`;
}

/** Whether --scrub can take the secret out of where it was found: a file can, the environment cannot. */
export function canScrub(found: Pick<FoundCredential, 'kind' | 'path'>): boolean {
  return found.kind !== 'environment' && found.path !== null;
}

/** Takes the secret out of its file; throws (AppError) when it cannot, leaving the file as it was. */
async function scrub(found: FoundCredential, accountName: string): Promise<void> {
  if (!canScrub(found) || found.path === null) {
    throw new AppError('bad-input', 'Environment variables cannot be scrubbed from here: remove them from where they are set (your shell profile, the service definition).');
  }
  const path = found.path;
  await rewritePlainFile(path, (content) => {
    const next = found.kind === 'twilio-cli' ? withoutProfileSecret(content, path, found.profileId!, found.secret, scrubNote(accountName)) : withoutDefinition(content, found.secretKey, found.secret);
    if (next === content) throw new AppError('io', `${found.secretKey} in ${path} changed since it was read; it was left as it is.`, { path });
    return next;
  });
}

/** Imports `found` under `name` (else its suggested name, made unique); never throws for Twilio's or the keychain's answers. */
export async function importCredential(deps: AccountDeps, found: FoundCredential, options: { name?: string; scrub: boolean }): Promise<ImportOutcome> {
  try {
    const accounts = (await deps.accounts.registry.read()).accounts;
    const existing = duplicateOf(found, accounts);
    if (existing) return { status: 'duplicate', existing: existing.name };
    const name = options.name ?? freeName(accounts, found.suggestedName);
    const draft = { authType: found.authType, accountSid: found.accountSid, ...(found.apiKeySid ? { apiKeySid: found.apiKeySid } : {}), secret: found.secret, ...(found.region ? { region: found.region } : {}), edge: found.edge };
    // The warnings of adding an account (a key saved under another name, a look-alike name) hold for an import too.
    const { account, report, warnings } = await addAccount(deps, { name, draft, verify: true });
    if (!options.scrub) return { status: 'imported', account, report, scrubbed: false, warnings };
    try {
      // Read back before touching the file: the keychain must hold this very secret.
      const record = await deps.accounts.find(account.id);
      if ((await deps.accounts.secrets.get(record.id, requestSecretPurpose(record))) !== found.secret.trim()) {
        throw new AppError('keychain-unavailable', 'The keychain did not give the imported secret back, so the file was left as it is.');
      }
      await scrub(found, account.name);
      return { status: 'imported', account, report, scrubbed: true, warnings };
    } catch (error) {
      return { status: 'imported', account, report, scrubbed: toErrorInfo(error), warnings };
    }
  } catch (error) {
    return { status: 'failed', error: toErrorInfo(error) };
  }
}
