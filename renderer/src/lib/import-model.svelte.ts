/**
 * Import from files, as state: the .env files the user chose, what the core found (never a
 * secret: each credential is an opaque id), the user's choice, name and scrub for each, and how
 * each import went. The core does the finding, the checks and the import; this only asks and tells.
 */
import type { ImportCandidate, ImportOutcome, VerificationReport } from '../../../electron/shared/app-types';
import type { SmsitApi } from '../../../electron/shared/ipc-contract';
import type { ErrorInfo } from '../../../electron/shared/errors';

/** How one credential's import went, in words for its card. */
export type ImportItemResult =
  | { tone: 'success'; text: string; report: VerificationReport | null; scrubError: ErrorInfo | null; warnings: string[] }
  | { tone: 'info'; text: string }
  | { tone: 'error'; error: ErrorInfo };

/** One credential found, with what the user chose for it. */
export interface ImportItem {
  candidate: ImportCandidate;
  chosen: boolean;
  name: string;
  scrub: boolean;
  /** The core's complaint about the name (its rules, or taken), shown at the name field. */
  nameMessage: string | null;
  result: ImportItemResult | null;
}

/** What the card says once the credential is saved: where the secret is now, and where it still is. */
function importedText(item: ImportItem, outcome: Extract<ImportOutcome, { status: 'imported' }>): string {
  const { candidate } = item;
  const saved = `Verified with Twilio and saved as "${outcome.account.name}"; its secret is in your system keychain.`;
  if (outcome.scrubbed === true) {
    return candidate.source === 'twilio-cli'
      ? `${saved} Its apiSecret was removed from ${candidate.path} (a note there says where it is now).`
      : `${saved} Its line was removed from ${candidate.path}; every other line is as it was.`;
  }
  if (outcome.scrubbed !== false) return saved;
  return candidate.canScrub ? `${saved} ${candidate.path} still holds the secret in clear.` : `${saved} The environment variables stay set where they were set.`;
}

export class ImportModel {
  #shown = $state(false);
  #envFiles = $state.raw<string[]>([]);
  #notes = $state.raw<string[]>([]);
  #looked = $state(false);
  #busy = $state<'look' | 'choose' | 'import' | null>(null);
  #problem = $state.raw<ErrorInfo | null>(null);
  #announcement = $state('');
  /** Deep state: the cards bind their checkboxes and name fields to the items. */
  items = $state<ImportItem[]>([]);
  readonly #api: SmsitApi;

  /** The chosen items that are not imported yet, in list order. */
  readonly pending: ImportItem[] = $derived(this.items.filter((item) => item.chosen && item.result?.tone !== 'success'));

  constructor(api: SmsitApi) {
    this.#api = api;
  }

  /** Whether the Add account view shows the import instead of the guided setup. */
  get shown(): boolean {
    return this.#shown;
  }

  /** The .env files chosen so far (looked in besides twilio-cli's config and the environment). */
  get envFiles(): string[] {
    return this.#envFiles;
  }

  /** What the core saw but cannot import (old twilio-cli profiles, a file with no credential, …). */
  get notes(): string[] {
    return this.#notes;
  }

  /** Whether a look has answered (so "nothing found" means something). */
  get looked(): boolean {
    return this.#looked;
  }

  get busy(): 'look' | 'choose' | 'import' | null {
    return this.#busy;
  }

  /** What went wrong with the look, the dialog, or the choice (nothing chosen). */
  get problem(): ErrorInfo | null {
    return this.#problem;
  }

  /** One line for screen readers after each look and import. */
  get announcement(): string {
    return this.#announcement;
  }

  /** Opens the import and looks at once in the places that need no choice. */
  async show(): Promise<void> {
    this.#shown = true;
    await this.look();
  }

  hide(): void {
    this.#shown = false;
  }

  /** Asks the core to look again; a file it cannot read is dropped from the list, said so, and the rest looked in. */
  async look(): Promise<void> {
    this.#busy = 'look';
    try {
      let result = await this.#api['import:find']({ envFiles: this.#envFiles });
      const unreadable = !result.ok ? result.error.details?.path : undefined;
      if (!result.ok && unreadable && this.#envFiles.includes(unreadable)) {
        this.#problem = result.error;
        this.#envFiles = this.#envFiles.filter((path) => path !== unreadable);
        result = await this.#api['import:find']({ envFiles: this.#envFiles });
      }
      if (!result.ok) {
        this.#problem = result.error;
        return;
      }
      this.items = result.value.found.map((candidate) => ({ candidate, chosen: false, name: candidate.suggestedName, scrub: false, nameMessage: null, result: null }));
      this.#notes = result.value.notes;
      this.#looked = true;
      const count = result.value.found.length;
      this.#announcement = count === 0 ? 'No Twilio credentials found.' : `Found ${count} Twilio credential${count === 1 ? '' : 's'}.`;
    } finally {
      this.#busy = null;
    }
  }

  /** The shell's open dialog; the files picked are added and everything is looked at again. */
  async chooseFiles(): Promise<void> {
    this.#problem = null;
    this.#busy = 'choose';
    let result: Awaited<ReturnType<SmsitApi['env-files:choose']>>;
    try {
      result = await this.#api['env-files:choose']();
    } finally {
      this.#busy = null;
    }
    if (!result.ok) {
      this.#problem = result.error;
      return;
    }
    const added = result.value.filter((path) => !this.#envFiles.includes(path));
    if (added.length === 0) return;
    this.#envFiles = [...this.#envFiles, ...added];
    await this.look();
  }

  /** Stops looking in one .env file. */
  async removeFile(path: string): Promise<void> {
    this.#problem = null;
    this.#envFiles = this.#envFiles.filter((file) => file !== path);
    await this.look();
  }

  /**
   * Imports the chosen credentials one after the other, each under its name and with its scrub
   * choice; returns the id of the first one whose name needs a change (to focus it), else null.
   */
  async importChosen(): Promise<string | null> {
    this.#problem = null;
    const pending = this.pending;
    if (pending.length === 0) {
      this.#problem = { kind: 'bad-input', message: 'No credential is chosen: tick "Import" on the ones to move into the keychain.' };
      return null;
    }
    this.#busy = 'import';
    let nameToFix: string | null = null;
    let imported = 0;
    try {
      for (const item of pending) {
        item.nameMessage = null;
        item.result = null;
        const answer = await this.#api['import:save']({ id: item.candidate.id, name: item.name.trim(), scrub: item.candidate.canScrub && item.scrub });
        const outcome: ImportOutcome = answer.ok ? answer.value : { status: 'failed', error: answer.error };
        if (outcome.status === 'imported') {
          imported += 1;
          item.result = { tone: 'success', text: importedText(item, outcome), report: outcome.report, scrubError: outcome.scrubbed === true || outcome.scrubbed === false ? null : outcome.scrubbed, warnings: outcome.warnings };
        } else if (outcome.status === 'duplicate') {
          item.chosen = false;
          item.result = { tone: 'info', text: `Already saved as "${outcome.existing}" (same Account SID and key SID); not saved again.` };
        } else if (outcome.error.kind === 'name-taken' || outcome.error.details?.field === 'name') {
          item.nameMessage = outcome.error.message;
          nameToFix ??= item.candidate.id;
        } else {
          item.result = { tone: 'error', error: outcome.error };
        }
      }
    } finally {
      this.#busy = null;
    }
    this.#announcement = `Imported ${imported} of ${pending.length}.${imported < pending.length ? ' Each credential says what happened to it.' : ''}`;
    return nameToFix;
  }
}
