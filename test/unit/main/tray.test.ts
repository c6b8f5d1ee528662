import { describe, expect, it, vi } from 'vitest';
import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';
import { AppTray, trayIconFile } from '../../../electron/main/tray';
import { trayLook, trayTooltip } from '../../../electron/main/tray-look';
import type { TrayActions } from '../../../electron/main/tray-menu';
import { account, appState, verification } from './app-state-fixtures';

function setup(platform: NodeJS.Platform) {
  const tray = { on: vi.fn(), setImage: vi.fn(), setToolTip: vi.fn(), setContextMenu: vi.fn(), destroy: vi.fn() };
  const createTray = vi.fn(() => tray as unknown as Tray);
  const menus: MenuItemConstructorOptions[][] = [];
  const onClick = vi.fn();
  let launch = false;
  const appTray = new AppTray({
    createTray,
    buildMenu: (template) => (menus.push(template), { template } as unknown as Menu),
    iconDir: '/res/tray',
    platform,
    actions: {} as TrayActions,
    launchAtLogin: () => launch,
    onClick,
  });
  return { appTray, tray, createTray, menus, onClick, setLaunch: (v: boolean) => (launch = v) };
}

describe('tray look', () => {
  it('is ok, warning, paused or error according to the state', () => {
    expect(trayLook(appState(1))).toBe('ok');
    expect(trayLook(appState(0))).toBe('warning');
    const warned = appState(1);
    warned.accounts[0] = account(1, { active: true, lastVerification: verification(true, { warnings: ['The account is suspended.'] }) });
    expect(trayLook(warned)).toBe('warning');
    expect(trayLook(appState(1, { endpoint: { url: 'u', port: 1, running: true, paused: true, error: null } }))).toBe('paused');
    expect(trayLook(appState(1, { keychain: { available: false, error: null } }))).toBe('error');
    const rejected = appState(1);
    rejected.accounts[0] = account(1, { active: true, lastVerification: verification(false) });
    expect(trayLook(rejected)).toBe('error');
    expect(trayTooltip(rejected)).toBe('SMS-iT Twilio Credentials — Account 1 (…0001) failed verification');
  });

  it('uses the monochrome Template image on macOS and the coloured one elsewhere', () => {
    expect(trayIconFile('/res/tray', 'paused', 'darwin')).toBe('/res/tray/pausedTemplate.png');
    expect(trayIconFile('/res/tray', 'error', 'win32')).toBe('/res/tray/error.png');
    expect(trayIconFile('/res/tray', 'ok', 'linux')).toBe('/res/tray/ok.png');
  });
});

describe('tray', () => {
  it('rebuilds the menu, icon and tooltip on every state change, creating the icon once', () => {
    const { appTray, tray, createTray, menus } = setup('linux');
    appTray.update(appState(0));
    appTray.update(appState(2));
    expect(createTray).toHaveBeenCalledOnce();
    expect(createTray).toHaveBeenCalledWith('/res/tray/warning.png');
    expect(tray.setImage).toHaveBeenLastCalledWith('/res/tray/ok.png');
    expect(tray.setToolTip).toHaveBeenLastCalledWith('SMS-iT Twilio Credentials — Account 1 (…0001)');
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(menus[1]!.filter((item) => item.type === 'radio')).toHaveLength(2);
  });

  it('refresh rebuilds from the last state (Launch at login changed outside AppState)', () => {
    const { appTray, menus, setLaunch } = setup('win32');
    appTray.update(appState(1));
    setLaunch(true);
    appTray.refresh();
    expect(menus.at(-1)!.find((item) => item.id === 'launch-at-login')?.checked).toBe(true);
  });

  it('a click opens the window on Windows and Linux; on macOS a click is the menu', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { appTray, tray, onClick } = setup(platform);
      appTray.update(appState(1));
      expect(tray.on).toHaveBeenCalledWith('click', expect.any(Function));
      (tray.on.mock.calls[0]![1] as () => void)();
      expect(onClick).toHaveBeenCalledOnce();
    }
    const mac = setup('darwin');
    mac.appTray.update(appState(1));
    expect(mac.tray.on).not.toHaveBeenCalled();
  });
});
