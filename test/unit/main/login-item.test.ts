import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { autostartEntry, platformLoginItem } from '../../../electron/main/login-item';
import { tempDir } from '../../helpers/temp-dir';

describe('launch at login', () => {
  it('on Linux writes and removes an XDG autostart entry that runs the app', async () => {
    const configHome = await tempDir('smsit-xdg-');
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
