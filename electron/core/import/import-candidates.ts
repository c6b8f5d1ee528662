/**
 * The window's import: looks in the same places as `smsit-twilio import` (twilio-cli's config, the
 * app's environment, the .env files the user chose), hands the window each credential found under
 * an opaque id, and imports one by that id. The secrets stay here, in the main process: the window
 * never holds one (it would sit in a renderer's memory and could be shown or logged there).
 */
import { randomUUID } from 'node:crypto';
import type { ImportCandidate, ImportOutcome, ImportScan } from '../../shared/app-types';
import type { AccountDeps } from '../accounts/account-operations';
import { AppError } from '../errors';
import type { AccountRecord } from '../registry/registry-schema';
import { findCredentials } from './find-credentials';
import type { FoundCredential } from './found-credential';
import { canScrub, duplicateOf, freeName, importCredential } from './import-credential';
import { twilioCliConfigPathIn } from './twilio-cli-config';

/**
 * The suggested name made free among `taken` (the saved accounts and the names suggested before it
 * in this list, so two `shop/.env` files do not both suggest "shop"); as found when it breaks the
 * name rules (the user is then asked to change it).
 */
function suggestion(found: FoundCredential, taken: readonly Pick<AccountRecord, 'id' | 'name'>[]): string {
  try {
    return freeName(taken, found.suggestedName);
  } catch {
    return found.suggestedName;
  }
}

/** The window's side of a found credential: everything but the secret. */
function toCandidate(id: string, found: FoundCredential, accounts: readonly AccountRecord[], suggestedName: string): ImportCandidate {
  const { kind, path, profileId, accountSid, authType, apiKeySid, region, edge } = found;
  return { id, source: kind, path, profileId, accountSid, authType, apiKeySid, region, edge, suggestedName, duplicateOf: duplicateOf(found, accounts)?.name ?? null, canScrub: canScrub(found) };
}

/** The credentials of the last look, by id; a new look forgets the old ones (and their secrets). */
export class ImportCandidates {
  // A TypeScript private, not a #field: electronegativity's parser cannot read the bundle with one.
  private readonly found = new Map<string, FoundCredential>();

  constructor(private readonly deps: AccountDeps & { env: Readonly<Record<string, string | undefined>> }) {}

  /** Looks in twilio-cli's config (its default place), the environment and `envFiles`; changes nothing. */
  async find(envFiles: readonly string[]): Promise<ImportScan> {
    this.found.clear();
    const { found, notes } = await this.look(envFiles);
    const accounts = (await this.deps.accounts.registry.read()).accounts;
    const taken: Pick<AccountRecord, 'id' | 'name'>[] = [...accounts];
    const candidates = found.map((item) => {
      const id = randomUUID();
      this.found.set(id, item);
      const candidate = toCandidate(id, item, accounts, suggestion(item, taken));
      if (candidate.duplicateOf === null) taken.push({ id, name: candidate.suggestedName });
      return candidate;
    });
    return { found: candidates, notes };
  }

  /**
   * A twilio-cli config the app cannot read (not JSON, not UTF-8) becomes a note: the user did not
   * choose it, and it must not hide what the environment and the chosen .env files hold.
   */
  private async look(envFiles: readonly string[]) {
    const twilioCli = twilioCliConfigPathIn(this.deps.env);
    const sources = { twilioCliConfig: { path: twilioCli, given: false }, environment: this.deps.env, envFiles };
    try {
      return await findCredentials(sources);
    } catch (error) {
      if (!(error instanceof AppError) || error.details.path !== twilioCli) throw error;
      const rest = await findCredentials({ ...sources, twilioCliConfig: null });
      return { found: rest.found, notes: [error.message, ...rest.notes] };
    }
  }

  /** Imports the credential listed under `id` as `importCredential` does (verified, saved, scrubbed on request). */
  async save(id: string, name: string, scrub: boolean): Promise<ImportOutcome> {
    const found = this.found.get(id);
    if (!found) throw new AppError('unknown-account', 'This credential is no longer in the list (the app looked again since). Choose it from the new list.');
    const outcome = await importCredential(this.deps, found, { name, scrub });
    // Once it is in the keychain, this process has no reason to hold the plain copy any longer.
    if (outcome.status !== 'failed') this.found.delete(id);
    return outcome;
  }
}
