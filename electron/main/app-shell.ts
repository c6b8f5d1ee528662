/**
 * The app's life in the tray, apart from Electron's module objects so a test can drive it:
 * first state (the keychain explained when it is missing), tray, pushes, notifications, the
 * endpoint started with the app and stopped on quit, onboarding when there is no account yet.
 */
import { isErrorKind, toErrorInfo, type ErrorInfo } from '../core/errors';
import type { AppState } from '../shared/app-types';
import type { KeychainChoice } from './keychain-dialog';
import type { AppService } from '../core/app-service';
import type { WindowView } from './window';

/** Everything the shell's life touches. */
export interface AppShellDeps {
  service: AppService;
  startEndpoint(): Promise<unknown>;
  stopEndpoint(): Promise<unknown>;
  window: { show(view?: WindowView): void; pushState(state: AppState): void; close(): void };
  tray: { update(state: AppState): void; destroy(): void };
  /** Called with every state (notifications compare it with the last one). */
  onState(state: AppState): void;
  explainKeychain(error: ErrorInfo | null): Promise<KeychainChoice>;
  quit(): void;
}

/** The started shell. */
export interface AppShell {
  state(): AppState | null;
  /** Stops the endpoint and removes the tray; call once, before the process exits. */
  stop(): Promise<void>;
}

/** What the tray shows when the service could not build a state at all and said the keychain is why. */
export function keychainMissingState(error: ErrorInfo | null): AppState {
  return {
    accounts: [],
    endpoint: { url: '', port: 0, running: false, paused: false, error: null },
    tokens: [],
    keychain: { available: false, error },
    registryError: null,
  };
}

/**
 * The state with the keychain's answer in it. The service asks the keychain once when it is built
 * (each call may prompt on macOS), so the first read does not ask again; "Try again" re-probes
 * through the service, so the state it answers is the keychain's new answer, not the one at start.
 */
async function readState(deps: AppShellDeps, again: boolean): Promise<{ state: AppState | null; keychainError: ErrorInfo | null; missing: boolean }> {
  try {
    const state = again ? await deps.service.refresh() : await deps.service['state:get'](undefined);
    return { state, keychainError: state.keychain.error, missing: !state.keychain.available };
  } catch (error) {
    if (isErrorKind(error, 'keychain-unavailable')) return { state: null, keychainError: toErrorInfo(error), missing: true };
    throw error;
  }
}

/** Starts the shell; resolves null when the user chose to quit at the keychain dialog. */
export async function startAppShell(deps: AppShellDeps): Promise<AppShell | null> {
  let first = await readState(deps, false);
  while (first.missing) {
    const choice = await deps.explainKeychain(first.keychainError);
    if (choice === 'quit') {
      deps.quit();
      return null;
    }
    if (choice === 'continue') break;
    first = await readState(deps, true);
  }

  let current: AppState = first.state ?? keychainMissingState(first.keychainError);
  const show = (state: AppState) => {
    current = state;
    deps.tray.update(state);
    deps.window.pushState(state);
    deps.onState(state);
  };
  const unsubscribe = deps.service.onStateChanged(show);
  show(current);

  try {
    await deps.startEndpoint();
  } catch (error) {
    // A taken port is shown in the state (tray look, Engine access…), not a reason to crash.
    console.error(`[shell] engine endpoint did not start: ${toErrorInfo(error).kind}`);
  }

  if (current.keychain.available && current.accounts.length === 0) deps.window.show('setup');

  let stopped = false;
  return {
    state: () => current,
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      await deps.stopEndpoint().catch(() => undefined);
      deps.tray.destroy();
      deps.window.close();
    },
  };
}
