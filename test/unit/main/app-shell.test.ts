import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import type { AppService } from '../../../electron/core/app-service';
import { startAppShell, type AppShellDeps } from '../../../electron/main/app-shell';
import type { KeychainChoice } from '../../../electron/main/keychain-dialog';
import type { AppState } from '../../../electron/shared/app-types';
import { appState } from './app-state-fixtures';

const KEYCHAIN_DOWN = { kind: 'keychain-unavailable' as const, message: 'No Secret Service is running. Install and unlock GNOME Keyring.' };

function setup(initial: AppState, opts: { probe?: Array<typeof KEYCHAIN_DOWN | null>; choices?: KeychainChoice[] } = {}) {
  let listener: ((state: AppState) => void) | null = null;
  const service = {
    'state:get': vi.fn(async () => initial),
    onStateChanged: vi.fn((fn: (state: AppState) => void) => ((listener = fn), () => (listener = null))),
  } as unknown as AppService;
  const probes = [...(opts.probe ?? [])];
  const choices = [...(opts.choices ?? [])];
  const deps = {
    service,
    startEndpoint: vi.fn(async () => undefined),
    stopEndpoint: vi.fn(async () => undefined),
    window: { show: vi.fn(), pushState: vi.fn(), close: vi.fn() },
    tray: { update: vi.fn(), destroy: vi.fn() },
    onState: vi.fn(),
    probeKeychain: vi.fn(async () => (probes.length ? probes.shift()! : null)),
    explainKeychain: vi.fn(async () => choices.shift() ?? 'continue'),
    quit: vi.fn(),
  } satisfies AppShellDeps;
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
    expect(deps.probeKeychain).toHaveBeenCalledTimes(2);
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
