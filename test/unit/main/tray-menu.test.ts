import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { trayLook, trayTooltip } from '../../../electron/main/tray-look';
import { buildTrayMenu, menuText, type TrayActions } from '../../../electron/main/tray-menu';
import { account, appState, verification, withActive } from './app-state-fixtures';

function spyActions(): TrayActions {
  return {
    activate: vi.fn(), verifyActive: vi.fn(), pauseEndpoint: vi.fn(), resumeEndpoint: vi.fn(), copyEngineUrl: vi.fn(),
    addAccount: vi.fn(), manageAccounts: vi.fn(), engineAccess: vi.fn(), setLaunchAtLogin: vi.fn(), quit: vi.fn(),
  };
}
const byId = (menu: MenuItemConstructorOptions[], id: string) => menu.find((item) => item.id === id);
const radios = (menu: MenuItemConstructorOptions[]) => menu.filter((item) => item.type === 'radio');
const labels = (menu: MenuItemConstructorOptions[]) => menu.filter((item) => item.type !== 'separator').map((item) => item.label);
const click = (item: MenuItemConstructorOptions | undefined, checked = false) =>
  (item?.click as unknown as (menuItem: { checked: boolean }) => void)({ checked });

describe('tray menu', () => {
  it('with no accounts: says so, offers Add account… and keeps every fixed item, no radio items', () => {
    const menu = buildTrayMenu(appState(0), { launchAtLogin: false }, spyActions());
    expect(byId(menu, 'active')).toMatchObject({ label: 'No account yet — add one to start', enabled: false });
    expect(radios(menu)).toHaveLength(0);
    expect(byId(menu, 'verify')?.enabled).toBe(false);
    expect(labels(menu)).toEqual([
      'No account yet — add one to start',
      'Verify active account',
      'Pause engine endpoint (http://127.0.0.1:4587)',
      'Copy engine URL',
      'Add account…',
      'Manage accounts…',
      'Engine access…',
      'Launch at login',
      'Quit SMS-iT Twilio Credentials',
    ]);
  });

  it('with one account: shows it active with its SID tail and as the one checked radio item', () => {
    const menu = buildTrayMenu(appState(1), { launchAtLogin: true }, spyActions());
    expect(byId(menu, 'active')?.label).toBe('Active: Account 1 (…0001)');
    expect(radios(menu)).toEqual([expect.objectContaining({ label: 'Account 1 (…0001)', checked: true })]);
    expect(byId(menu, 'verify')?.enabled).toBe(true);
    expect(byId(menu, 'launch-at-login')).toMatchObject({ type: 'checkbox', checked: true });
  });

  it('with twelve accounts: ten direct radio items, the other two under "More accounts (2)"', () => {
    const state = withActive(appState(12), 'acc-12');
    const actions = spyActions();
    const menu = buildTrayMenu(state, { launchAtLogin: false }, actions);
    expect(radios(menu).map((item) => item.label)).toEqual(Array.from({ length: 10 }, (_, i) => `Account ${i + 1} (…${String(i + 1).padStart(4, '0')})`));
    const more = byId(menu, 'more-accounts');
    expect(more?.label).toBe('More accounts (2)');
    const submenu = more?.submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => [item.label, item.checked])).toEqual([['Account 11 (…0011)', false], ['Account 12 (…0012)', true]]);
    expect(radios(menu).some((item) => item.checked)).toBe(false);
    click(submenu[0]);
    expect(actions.activate).toHaveBeenCalledWith('acc-11');
  });

  it('quick switch: clicking an account activates that account', () => {
    const actions = spyActions();
    const menu = buildTrayMenu(appState(3), { launchAtLogin: false }, actions);
    click(radios(menu)[2]);
    expect(actions.activate).toHaveBeenCalledWith('acc-3');
  });

  it('when paused: offers Resume with the URL, which resumes', () => {
    const state = appState(1, { endpoint: { url: 'http://127.0.0.1:4587', port: 4587, running: true, paused: true, error: null } });
    const actions = spyActions();
    const menu = buildTrayMenu(state, { launchAtLogin: false }, actions);
    expect(byId(menu, 'endpoint-toggle')?.label).toBe('Resume engine endpoint (http://127.0.0.1:4587)');
    click(byId(menu, 'endpoint-toggle'));
    expect(actions.resumeEndpoint).toHaveBeenCalledOnce();
    expect(actions.pauseEndpoint).not.toHaveBeenCalled();
  });

  it('in error: keychain unavailable and a stopped endpoint are stated, Verify and Pause disabled', () => {
    const state = appState(2, {
      keychain: { available: false, error: { kind: 'keychain-unavailable', message: 'No Secret Service.' } },
      endpoint: { url: 'http://127.0.0.1:4587', port: 4587, running: false, paused: false, error: { kind: 'port-in-use', message: 'Port 4587 is taken.' } },
    });
    const menu = buildTrayMenu(state, { launchAtLogin: false }, spyActions());
    expect(labels(menu)).toContain('Keychain unavailable — open Manage accounts… for help');
    expect(labels(menu)).toContain('Engine endpoint stopped — open Engine access…');
    expect(byId(menu, 'verify')?.enabled).toBe(false);
    expect(byId(menu, 'endpoint-toggle')?.enabled).toBe(false);
  });

  it('in error: an active account Twilio rejected is named as such', () => {
    const state = appState(1);
    state.accounts[0] = account(1, { active: true, lastVerification: verification(false) });
    const menu = buildTrayMenu(state, { launchAtLogin: false }, spyActions());
    expect(labels(menu)).toContain('Twilio rejected the active account — verify or fix it');
  });

  it('a suspended account and Twilio trouble at the last check are not named as a rejection', () => {
    const withCheck = (error: { kind: 'account-inactive' | 'twilio'; message: string }) => {
      const state = appState(1);
      state.accounts[0] = account(1, { active: true, lastVerification: verification(false, { error }) });
      return state;
    };
    const suspended = withCheck({ kind: 'account-inactive', message: 'The account is suspended.' });
    expect(labels(buildTrayMenu(suspended, { launchAtLogin: false }, spyActions()))).toContain('The active account is suspended or closed at Twilio — open Manage accounts…');
    expect([trayLook(suspended), trayTooltip(suspended)]).toEqual(['error', 'SMS-iT Twilio Credentials — Account 1 (…0001) is suspended or closed at Twilio']);
    const trouble = withCheck({ kind: 'twilio', message: 'Twilio answered with an error (HTTP 503).' });
    const lines = labels(buildTrayMenu(trouble, { launchAtLogin: false }, spyActions()));
    expect(lines).toContain('Twilio had a problem at the last check — verify again');
    expect(lines).not.toContain('Twilio rejected the active account — verify or fix it');
    expect(trayLook(trouble)).toBe('warning');
  });

  it('each fixed item calls its action; Launch at login passes the new checked value', () => {
    const actions = spyActions();
    const menu = buildTrayMenu(appState(1), { launchAtLogin: false }, actions);
    for (const id of ['verify', 'endpoint-toggle', 'copy-url', 'add-account', 'manage-accounts', 'engine-access', 'quit']) click(byId(menu, id));
    click(byId(menu, 'launch-at-login'), true);
    expect(actions.verifyActive).toHaveBeenCalledOnce();
    expect(actions.pauseEndpoint).toHaveBeenCalledOnce();
    expect(actions.copyEngineUrl).toHaveBeenCalledOnce();
    expect(actions.addAccount).toHaveBeenCalledOnce();
    expect(actions.manageAccounts).toHaveBeenCalledOnce();
    expect(actions.engineAccess).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
    expect(actions.setLaunchAtLogin).toHaveBeenCalledWith(true);
  });

  it('shows a user’s "&" literally and shortens very long names', () => {
    expect(menuText('Sales & Support')).toBe('Sales && Support');
    expect(menuText('x'.repeat(80))).toHaveLength(40);
  });
});
