import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { toErrorInfo } from '../../../electron/core/errors';
import { keychainUnavailable } from '../../../electron/core/secrets/keychain-errors';
import { keychainChoice, keychainDialogOptions } from '../../../electron/main/keychain-dialog';
import { autostartEntry, platformLoginItem } from '../../../electron/main/login-item';
import { electronFetch } from '../../../electron/main/net-fetch';

describe('net.fetch for Twilio requests', () => {
  it('passes requests to Electron’s net.fetch, turning URL objects into strings', async () => {
    const netFetch = vi.fn(async () => new Response('{}'));
    const fetch = electronFetch({ fetch: netFetch } as never);
    await fetch(new URL('https://api.twilio.com/2010-04-01/Accounts/AC1.json'), { method: 'GET' });
    await fetch('https://api.twilio.com/x', undefined);
    expect(netFetch).toHaveBeenNthCalledWith(1, 'https://api.twilio.com/2010-04-01/Accounts/AC1.json', { method: 'GET' });
    expect(netFetch).toHaveBeenNthCalledWith(2, 'https://api.twilio.com/x', undefined);
  });
});

describe('launch at login', () => {
  it('on Linux writes and removes an XDG autostart entry that runs the app', async () => {
    const configHome = mkdtempSync(join(tmpdir(), 'smsit-xdg-'));
    const item = platformLoginItem({} as never, 'linux', { configHome, command: ['/opt/SMS-iT $app/smsit', '--hidden'] });
    expect(item.enabled()).toBe(false);
    await item.setEnabled(true);
    expect(item.enabled()).toBe(true);
    const file = join(configHome, 'autostart', 'smsit-twilio-credentials.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/SMS-iT \\$app/smsit" "--hidden"');
    expect(statSync(file).mode & 0o022).toBe(0);
    await item.setEnabled(false);
    expect(item.enabled()).toBe(false);
  });

  it('on macOS and Windows uses the system login item settings', async () => {
    const app = { getLoginItemSettings: vi.fn(() => ({ openAtLogin: true })), setLoginItemSettings: vi.fn() };
    const item = platformLoginItem(app as never, 'darwin', { configHome: '/unused', command: [] });
    expect(item.enabled()).toBe(true);
    await item.setEnabled(false);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false });
  });

  it('writes a valid desktop entry', () => {
    expect(autostartEntry(['/usr/bin/x'])).toMatch(/^\[Desktop Entry\]\nType=Application\nName=SMS-iT Twilio Credentials\n/);
  });
});

describe('keychain dialog', () => {
  it('explains the cause with the platform’s fix, and offers retry / continue / quit', () => {
    const options = keychainDialogOptions({ kind: 'keychain-unavailable', message: 'No Secret Service on D-Bus.' }, 'linux');
    expect(options.message).toBe('The keychain is not available');
    expect(options.detail).toContain('No Secret Service on D-Bus.');
    // The fix is said once, with one install command (the cause no longer carries a second copy).
    expect(options.detail?.split('apt-get install').length).toBe(2);
    expect(options.detail).toContain('sudo apt-get install gnome-keyring libsecret-1-0');
    const fromCore = keychainDialogOptions(toErrorInfo(keychainUnavailable('read a secret', new Error('dbus'))), 'linux');
    expect(fromCore.detail?.match(/Secret Service|apt/g)).toEqual(['Secret Service', 'apt']);
    expect(options.buttons).toEqual(['Try again', 'Continue in the tray', 'Quit']);
    expect([0, 1, 2, 9].map(keychainChoice)).toEqual(['retry', 'continue', 'quit', 'continue']);
  });
});
