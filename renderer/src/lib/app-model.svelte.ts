/** The whole AppState as the window sees it: loaded once, then replaced on every `state:changed` push. */
import type { AppState, AccountSummary } from '../../../electron/shared/app-types';
import type { SmsitApi } from '../../../electron/shared/ipc-contract';
import type { ErrorInfo } from '../../../electron/shared/errors';
import { activeAccountIn } from '../../../electron/shared/active-account';

export class AppModel {
  // Raw: every push replaces the state whole, so deep proxies would only cost time.
  #state = $state.raw<AppState | null>(null);
  #loadError = $state.raw<ErrorInfo | null>(null);
  readonly #api: SmsitApi;
  #unsubscribe: (() => void) | null = null;

  /** The saved accounts, in the core's order (empty until the state is read). */
  readonly accounts: AccountSummary[] = $derived(this.#state?.accounts ?? []);
  /** The account the engine is served, if any. */
  readonly activeAccount: AccountSummary | null = $derived(activeAccountIn(this.accounts));

  constructor(api: SmsitApi) {
    this.#api = api;
  }

  /** The last state read or pushed; null until the first read answers. */
  get state(): AppState | null {
    return this.#state;
  }

  /** Why the first read failed, if it did. */
  get loadError(): ErrorInfo | null {
    return this.#loadError;
  }

  /** Subscribes to pushes first, so no change between the first read and the subscription is lost. */
  async start(): Promise<void> {
    this.#unsubscribe = this.#api.onStateChanged((next) => {
      this.#state = next;
    });
    await this.refresh();
  }

  /** Reads the state again (after an action whose push may arrive later). */
  async refresh(): Promise<void> {
    const result = await this.#api['state:get']();
    if (result.ok) {
      this.#state = result.value;
      this.#loadError = null;
    } else {
      this.#loadError = result.error;
    }
  }

  /** Stops following pushes (the window is closing). */
  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
