import { describe, expect, it, vi } from 'vitest';
import { createAppService } from '../../../electron/core/app-service';
import { TwilioService } from '../../../electron/core/twilio/twilio-service';
import { memoryHome } from '../../helpers/memory-home';
import { tempDir } from '../../helpers/temp-dir';
import { AppError } from '../../../electron/core/errors';
import type { AppService } from '../../../electron/core/app-service';
import { startAppShell, type AppShellDeps } from '../../../electron/main/app-shell';
import type { KeychainChoice } from '../../../electron/main/keychain-dialog';
import type { AppState } from '../../../electron/shared/app-types';
import { appState } from './app-state-fixtures';

const KEYCHAIN_DOWN = { kind: 'keychain-unavailable' as const, message: 'No Secret Service is running. Install and unlock GNOME Keyring.' };

/** The shell's collaborators as spies, around `service`; the keychain dialog answers with `explainKeychain`. */
function shellDeps(service: AppService, explainKeychain: AppShellDeps['explainKeychain']) {
  return {
    service,
    startEndpoint: vi.fn(async (): Promise<unknown> => undefined),
    stopEndpoint: vi.fn(async (): Promise<unknown> => undefined),
    window: { show: vi.fn(), pushState: vi.fn(), close: vi.fn() },
    tray: { update: vi.fn(), destroy: vi.fn() },
    onState: vi.fn(),
    explainKeychain: vi.fn(explainKeychain),
    quit: vi.fn(),
  } satisfies AppShellDeps;
}

function setup(initial: AppState, opts: { probe?: Array<typeof KEYCHAIN_DOWN | null>; choices?: KeychainChoice[] } = {}) {
  let listener: ((state: AppState) => void) | null = null;
  const probes = [...(opts.probe ?? [])];
  // The service's own keychain answer: the first at construction, the next ones on refresh.
  const withKeychain = (error: typeof KEYCHAIN_DOWN | null): AppState => (error ? { ...initial, keychain: { available: false, error } } : initial);
  const first = withKeychain(probes.length ? probes.shift()! : null);
  const service = {
    'state:get': vi.fn(async () => first),
    refresh: vi.fn(async () => withKeychain(probes.length ? probes.shift()! : null)),
    onStateChanged: vi.fn((fn: (state: AppState) => void) => ((listener = fn), () => (listener = null))),
  } as unknown as AppService;
  const choices = [...(opts.choices ?? [])];
  const deps = shellDeps(service, async () => choices.shift() ?? 'continue');
  return { deps, push: (state: AppState) => listener?.(state), hasListener: () => listener !== null };
}

describe('app shell lifecycle', () => {
  it('first run with no accounts: tray shown, endpoint started, the window opens on onboarding', async () => {
    const { deps } = setup(appState(0));
    const shell = await startAppShell(deps);
    expect(shell).not.toBeNull();
    expect(deps.tray.update).toHaveBeenCalledWith(appState(0));
    expect(deps.startEndpoint).toHaveBeenCalledOnce();
    expect(deps.window.show).toHaveBeenCalledWith('setup');
    expect(deps.explainKeychain).not.toHaveBeenCalled();
  });

  it('with accounts: starts quietly in the tray (no window)', async () => {
    const { deps } = setup(appState(2));
    await startAppShell(deps);
    expect(deps.window.show).not.toHaveBeenCalled();
  });

  it('every state change updates the tray, reaches the window and the notifier', async () => {
    const { deps, push } = setup(appState(1));
    await startAppShell(deps);
    const next = appState(2);
    push(next);
    expect(deps.tray.update).toHaveBeenLastCalledWith(next);
    expect(deps.window.pushState).toHaveBeenLastCalledWith(next);
    expect(deps.onState).toHaveBeenLastCalledWith(next);
  });

  it('keychain unavailable at start: explains instead of crashing; "Try again" re-checks', async () => {
    const { deps } = setup(appState(0), { probe: [KEYCHAIN_DOWN, null], choices: ['retry'] });
    const shell = await startAppShell(deps);
    expect(deps.explainKeychain).toHaveBeenCalledWith(KEYCHAIN_DOWN);
    expect(deps.service.refresh).toHaveBeenCalledOnce();
    expect(shell?.state()?.keychain.available).toBe(true);
    expect(deps.window.show).toHaveBeenCalledWith('setup');
  });

  it('keychain unavailable, "Continue in the tray": tray shows the error, no onboarding', async () => {
    const { deps } = setup(appState(0), { probe: [KEYCHAIN_DOWN], choices: ['continue'] });
    const shell = await startAppShell(deps);
    expect(shell?.state()?.keychain).toEqual({ available: false, error: KEYCHAIN_DOWN });
    expect(deps.tray.update).toHaveBeenCalledWith(expect.objectContaining({ keychain: { available: false, error: KEYCHAIN_DOWN } }));
    expect(deps.window.show).not.toHaveBeenCalled();
  });

  it('keychain unavailable, "Quit": quits without starting the endpoint', async () => {
    const { deps } = setup(appState(0), { probe: [KEYCHAIN_DOWN], choices: ['quit'] });
    await expect(startAppShell(deps)).resolves.toBeNull();
    expect(deps.quit).toHaveBeenCalledOnce();
    expect(deps.startEndpoint).not.toHaveBeenCalled();
  });

  it('a state read that throws keychain-unavailable is explained too, and the tray still appears', async () => {
    const { deps } = setup(appState(0), { choices: ['continue'] });
    vi.mocked(deps.service['state:get']).mockRejectedValue(new AppError('keychain-unavailable', KEYCHAIN_DOWN.message));
    await startAppShell(deps);
    expect(deps.explainKeychain).toHaveBeenCalledWith(KEYCHAIN_DOWN);
    expect(deps.tray.update).toHaveBeenCalledWith(expect.objectContaining({ accounts: [], keychain: { available: false, error: KEYCHAIN_DOWN } }));
  });

  it('an endpoint that cannot start does not stop the app', async () => {
    const { deps } = setup(appState(1));
    deps.startEndpoint.mockRejectedValue(new AppError('port-in-use', 'Port 4587 is taken.'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(startAppShell(deps)).resolves.not.toBeNull();
  });

  it('stop (on quit) stops the endpoint, removes the tray and the window, once', async () => {
    const { deps, hasListener } = setup(appState(1));
    const shell = await startAppShell(deps);
    await shell!.stop();
    await shell!.stop();
    expect(deps.stopEndpoint).toHaveBeenCalledOnce();
    expect(deps.tray.destroy).toHaveBeenCalledOnce();
    expect(deps.window.close).toHaveBeenCalledOnce();
    expect(hasListener()).toBe(false);
  });
});

describe('the keychain dialog with the real app service', () => {
  async function realService(locked: boolean) {
    const { context, secrets } = memoryHome({ dir: await tempDir() });
    if (locked) secrets.failOn.add('list');
    const list = vi.spyOn(secrets, 'list');
    const twilio = new TwilioService({ fetch: async () => Promise.reject(new Error('no network in this test')) });
    return { service: createAppService({ context, twilio, endpoint: null }), secrets, list };
  }

  it('"Try again" after the keychain was unlocked starts the app, without asking a second time', async () => {
    const { service, secrets } = await realService(true);
    // The user unlocks the keychain while the dialog is up, then clicks "Try again"; a second dialog would quit.
    const deps = shellDeps(service, async () => (deps.explainKeychain as ReturnType<typeof vi.fn>).mock.calls.length === 1 ? (secrets.failOn.clear(), 'retry') : 'quit');
    const shell = await startAppShell(deps);
    expect(deps.explainKeychain).toHaveBeenCalledOnce();
    expect(deps.quit).not.toHaveBeenCalled();
    expect(shell?.state()?.keychain).toEqual({ available: true, error: null });
    expect(deps.window.show).toHaveBeenCalledWith('setup');
  });

  it('asks the keychain once at start, not twice (each call may prompt on macOS)', async () => {
    const { service, list } = await realService(false);
    const deps = shellDeps(service, async () => 'quit');
    await startAppShell(deps);
    expect(list).toHaveBeenCalledOnce();
    expect(deps.explainKeychain).not.toHaveBeenCalled();
  });
});
