/** The whole AppState as the window sees it: loaded once, then replaced on every `state:changed` push. */
import type { AppState, AccountSummary } from '../../../electron/shared/app-types';
import type { SmsitApi } from '../../../electron/shared/ipc-contract';
import type { ErrorInfo } from '../../../electron/shared/errors';

export class AppModel {
  state = $state<AppState | null>(null);
  loadError = $state<ErrorInfo | null>(null);
  readonly api: SmsitApi;
  #unsubscribe: (() => void) | null = null;

  constructor(api: SmsitApi) {
    this.api = api;
  }

  /** Subscribes to pushes first, so no change between the first read and the subscription is lost. */
  async start(): Promise<void> {
    this.#unsubscribe = this.api.onStateChanged((next) => {
      this.state = next;
    });
    await this.refresh();
  }

  /** Reads the state again (after an action whose push may arrive later). */
  async refresh(): Promise<void> {
    const result = await this.api['state:get']();
    if (result.ok) {
      this.state = result.value;
      this.loadError = null;
    } else {
      this.loadError = result.error;
    }
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  get accounts(): AccountSummary[] {
    return this.state?.accounts ?? [];
  }

  get activeAccount(): AccountSummary | null {
    return this.accounts.find((account) => account.active) ?? null;
  }
}
