/** Actions on saved accounts (verify, rename, activate, remove, upgrade) and what each one answered. */
import type { VerificationReport } from '../../../electron/shared/app-types';
import type { SmsitApi } from '../../../electron/shared/ipc-contract';
import type { ErrorInfo } from '../../../electron/shared/errors';

/** The outcome of the last action on one account, shown next to it and announced. */
export interface AccountNotice {
  tone: 'success' | 'error';
  text: string;
  error: ErrorInfo | null;
  report: VerificationReport | null;
}

export class AccountsModel {
  #notices = $state.raw<Record<string, AccountNotice>>({});
  #busyId = $state<string | null>(null);
  #announcement = $state('');
  #panel = $state.raw<{ id: string; kind: 'rename' | 'remove' | 'rotate' } | null>(null);
  readonly #api: SmsitApi;

  constructor(api: SmsitApi) {
    this.#api = api;
  }

  /** Account id → what the last action on it answered. */
  get notices(): Record<string, AccountNotice> {
    return this.#notices;
  }

  /** Account id of the action under way, so its buttons show progress and do not repeat. */
  get busyId(): string | null {
    return this.#busyId;
  }

  /** One line announced to screen readers after each action. */
  get announcement(): string {
    return this.#announcement;
  }

  /** The one Rename or Remove panel open in the whole list, if any: opening one closes any other. */
  get panel(): { id: string; kind: 'rename' | 'remove' | 'rotate' } | null {
    return this.#panel;
  }

  openPanel(id: string, kind: 'rename' | 'remove' | 'rotate'): void {
    this.#panel = { id, kind };
  }

  closePanel(): void {
    this.#panel = null;
  }

  async verify(id: string): Promise<void> {
    await this.#run(id, () => this.#api['accounts:verify']({ id }), (report) =>
      report.ok
        ? { tone: 'success', text: `Verified: ${report.account.friendlyName ?? 'account'} is ${report.account.status ?? 'reachable'}.`, error: null, report }
        : { tone: 'error', text: report.error?.message ?? 'The account could not be verified.', error: report.error, report },
    );
  }

  async rename(id: string, name: string): Promise<boolean> {
    return this.#run(id, () => this.#api['accounts:rename']({ id, name: name.trim() }), (account) => ({
      tone: 'success', text: `Renamed to "${account.name}".`, error: null, report: null,
    }));
  }

  async activate(id: string): Promise<boolean> {
    return this.#run(id, () => this.#api['accounts:activate']({ id }), (account) => ({
      tone: 'success', text: `"${account.name}" is now the active account.`, error: null, report: null,
    }));
  }

  async remove(id: string, name: string, deleteKey: boolean): Promise<boolean> {
    const ok = await this.#run(id, () => this.#api['accounts:remove']({ id, deleteKey }), (result) => ({
      tone: 'success',
      // A secret the keychain could not delete is named, not hidden behind "Removed".
      text: [deleteKey && result.keyDeleted ? `Removed "${name}" and deleted its API key at Twilio.` : `Removed "${name}".`, ...(result.warnings ?? [])].join(' '),
      error: null,
      report: null,
    }));
    if (ok) {
      // The row is gone; keep the words in the announcement only.
      const { [id]: _gone, ...rest } = this.#notices;
      this.#notices = rest;
    }
    return ok;
  }

  /** Creates a Standard API key at Twilio for an Auth Token account and switches the account to it. */
  async upgrade(id: string, keepAuthToken: boolean): Promise<boolean> {
    return this.#run(id, () => this.#api['accounts:upgrade']({ id, keepAuthToken }), ({ account, report }) => ({
      tone: 'success',
      text: `"${account.name}" now signs in with API key ${account.apiKeySid ?? ''}${keepAuthToken ? ' (Auth Token kept for webhook signatures)' : ''}.`,
      error: null,
      report,
    }));
  }

  /** Gives the account a new key or Auth Token (the card asked first) and says how it went. */
  async rotate(id: string): Promise<boolean> {
    return this.#run(id, () => this.#api['accounts:rotate']({ id }), ({ message, report }) => ({ tone: 'success', text: message, error: null, report }));
  }

  async #run<T>(
    id: string,
    call: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorInfo }>,
    describe: (value: T) => AccountNotice,
  ): Promise<boolean> {
    // The last answer about this account goes as soon as the user acts again.
    const { [id]: _old, ...others } = this.#notices;
    this.#notices = others;
    this.#busyId = id;
    let result: Awaited<ReturnType<typeof call>>;
    try {
      result = await call();
    } finally {
      this.#busyId = null;
    }
    const notice: AccountNotice = result.ok
      ? describe(result.value)
      : { tone: 'error', text: result.error.message, error: result.error, report: null };
    this.#notices = { ...this.#notices, [id]: notice };
    this.#announcement = notice.text;
    return result.ok && notice.tone === 'success';
  }
}
