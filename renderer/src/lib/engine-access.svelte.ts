/** Engine access: pause/resume the loopback endpoint, engine tokens (shown once), the live access log. */
import type { AccessLogEntry } from '../../../electron/shared/app-types';
import type { SmsitApi } from '../../../electron/shared/ipc-contract';
import type { ErrorInfo } from '../../../electron/shared/errors';

export class EngineAccess {
  #log = $state.raw<AccessLogEntry[]>([]);
  #newToken = $state.raw<{ name: string; token: string } | null>(null);
  #failure = $state.raw<ErrorInfo | null>(null);
  #nameError = $state<string | null>(null);
  #portError = $state<string | null>(null);
  #busy = $state(false);
  #announcement = $state('');
  readonly #api: SmsitApi;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(api: SmsitApi) {
    this.#api = api;
  }

  /** The access log, newest first. */
  get log(): AccessLogEntry[] {
    return this.#log;
  }

  /** The token just created: shown once, forgotten on dismiss or when the view closes. */
  get newToken(): { name: string; token: string } | null {
    return this.#newToken;
  }

  /** Why the last action failed, if it did. */
  get failure(): ErrorInfo | null {
    return this.#failure;
  }

  /** Why the token name was refused, shown at the name field. */
  get nameError(): string | null {
    return this.#nameError;
  }

  /** True while a token is being created. */
  get busy(): boolean {
    return this.#busy;
  }

  /** One line announced to screen readers after each action. */
  get announcement(): string {
    return this.#announcement;
  }

  async setPaused(paused: boolean): Promise<void> {
    this.#failure = null;
    const result = await (paused ? this.#api['endpoint:pause']() : this.#api['endpoint:resume']());
    this.#settle(result, paused ? 'Engine access paused: the engine gets no credentials until you resume.' : 'Engine access resumed.');
  }

  /** Why the last port change was refused, shown at the port field. */
  get portError(): string | null {
    return this.#portError;
  }

  /** Moves the endpoint to `port` (saved for the app and `serve`); a refusal is said at the field. */
  async setPort(port: number): Promise<boolean> {
    this.#failure = null;
    this.#portError = null;
    const result = await this.#api['endpoint:set-port']({ port });
    if (!result.ok && (result.error.kind === 'bad-input' || result.error.kind === 'port-in-use')) {
      this.#portError = result.error.message;
      this.#announcement = result.error.message;
      return false;
    }
    return this.#settle(result, `Engine access moved to port ${port}. Update the address in your engine.`);
  }

  async createToken(name: string): Promise<boolean> {
    this.#busy = true;
    this.#failure = null;
    this.#nameError = null;
    try {
      const result = await this.#api['tokens:create']({ name: name.trim() });
      if (result.ok) this.#newToken = result.value;
      // A refused name is the field's problem: said at the field, not in a notice far from it.
      if (!result.ok && (result.error.kind === 'bad-input' || result.error.kind === 'name-taken')) {
        this.#nameError = result.error.message;
        this.#announcement = result.error.message;
        return false;
      }
      return this.#settle(result, `Token "${name.trim()}" created. Copy it now: it is shown only once.`);
    } finally {
      this.#busy = false;
    }
  }

  /** The user changed the token name: its old complaint goes. */
  nameEdited(): void {
    this.#nameError = null;
  }

  dismissToken(): void {
    this.#newToken = null;
  }

  async revokeToken(name: string): Promise<boolean> {
    this.#failure = null;
    const result = await this.#api['tokens:revoke']({ name });
    if (result.ok && this.#newToken?.name === name) this.#newToken = null;
    return this.#settle(result, `Token "${name}" revoked: the engine can no longer use it.`);
  }

  async refreshLog(): Promise<void> {
    const result = await this.#api['log:list']();
    if (result.ok) this.#log = result.value;
  }

  /** Keeps the access log live while the view is open (the log is not part of the state push). */
  watchLog(intervalMs = 5000): () => void {
    void this.refreshLog();
    this.#timer = setInterval(() => void this.refreshLog(), intervalMs);
    return () => {
      if (this.#timer) clearInterval(this.#timer);
      this.#timer = null;
      this.#newToken = null;
    };
  }

  #settle(result: { ok: true } | { ok: false; error: ErrorInfo }, success: string): boolean {
    this.#failure = result.ok ? null : result.error;
    this.#announcement = result.ok ? success : result.error.message;
    return result.ok;
  }
}
