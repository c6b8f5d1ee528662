import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import type { AppService } from '../../../electron/core/app-service';
import { createTrayActions } from '../../../electron/main/tray-actions';
import type { AppState } from '../../../electron/shared/app-types';
import { appState } from './app-state-fixtures';

function setup(state: AppState | null, service: Partial<Record<keyof AppService, ReturnType<typeof vi.fn>>> = {}) {
  const deps = {
    service: service as unknown as AppService,
    state: () => state,
    showWindow: vi.fn(),
    writeClipboard: vi.fn(),
    setLaunchAtLogin: vi.fn(async () => undefined),
    refreshTray: vi.fn(),
    notify: vi.fn(),
    quit: vi.fn(),
  };
  return { deps, actions: createTrayActions(deps) };
}

describe('tray actions', () => {
  it('quick switch activates the account; a failure becomes a notification and the menu snaps back', async () => {
    const activate = vi.fn().mockRejectedValueOnce(new AppError('keychain-unavailable', 'The keychain is locked. Unlock it and try again.'));
    const { deps, actions } = setup(appState(2), { 'accounts:activate': activate });
    actions.activate('acc-2');
    await vi.waitFor(() => expect(deps.refreshTray).toHaveBeenCalled());
    expect(activate).toHaveBeenCalledWith({ id: 'acc-2' });
    expect(deps.notify).toHaveBeenCalledWith({ title: 'Could not switch the active account', body: 'The keychain is locked. Unlock it and try again.' });
  });

  it('Verify active account verifies the active one and confirms success', async () => {
    const verify = vi.fn(async () => ({ ok: true, warnings: [] }));
    const { deps, actions } = setup(appState(2), { 'accounts:verify': verify });
    actions.verifyActive();
    await vi.waitFor(() => expect(deps.notify).toHaveBeenCalledWith({ title: 'Twilio accepted the active account', body: 'Its credentials work.' }));
    expect(verify).toHaveBeenCalledWith({ id: 'acc-1' });
  });

  it('Verify with no account opens onboarding instead', async () => {
    const { deps, actions } = setup(appState(0));
    actions.verifyActive();
    await vi.waitFor(() => expect(deps.showWindow).toHaveBeenCalledWith('setup'));
  });

  it('Copy engine URL copies the endpoint URL; windows open on their views', () => {
    const { deps, actions } = setup(appState(1));
    actions.copyEngineUrl();
    expect(deps.writeClipboard).toHaveBeenCalledWith('http://127.0.0.1:4587');
    actions.addAccount();
    actions.manageAccounts();
    actions.engineAccess();
    expect(deps.showWindow.mock.calls.map((c) => c[0])).toEqual(['setup', 'accounts', 'engine']);
  });

  it('Pause/Resume call the endpoint channels; Launch at login saves then rebuilds the menu', async () => {
    const pause = vi.fn(async () => ({}));
    const resume = vi.fn(async () => ({}));
    const { deps, actions } = setup(appState(1), { 'endpoint:pause': pause, 'endpoint:resume': resume });
    actions.pauseEndpoint();
    actions.resumeEndpoint();
    actions.setLaunchAtLogin(true);
    await vi.waitFor(() => expect(deps.refreshTray).toHaveBeenCalled());
    expect(pause).toHaveBeenCalledOnce();
    expect(resume).toHaveBeenCalledOnce();
    expect(deps.setLaunchAtLogin).toHaveBeenCalledWith(true);
  });
});
