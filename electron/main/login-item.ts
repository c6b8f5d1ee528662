/**
 * "Launch at login". macOS and Windows keep the setting themselves (app.setLoginItemSettings);
 * Electron has no Linux support, so there it is an XDG autostart entry, the freedesktop standard
 * that GNOME, KDE and XFCE read at login.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { App } from 'electron';

/** Reads and changes whether the app starts at login. */
export interface LoginItem {
  enabled(): boolean;
  setEnabled(enabled: boolean): Promise<void>;
}

/** Quotes one Exec argument as the Desktop Entry spec asks. */
function quoteExecArg(arg: string): string {
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The autostart entry's text; `command` is the program and its arguments. */
export function autostartEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=SMS-iT Twilio Credentials',
    'Comment=Keeps Twilio credentials in the keychain for SMS-iT Workflow',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** The Linux login item: a file in $XDG_CONFIG_HOME/autostart (default ~/.config/autostart). */
export function xdgLoginItem(opts: { configHome: string; command: string[] }): LoginItem {
  const file = join(opts.configHome, 'autostart', 'smsit-twilio-credentials.desktop');
  return {
    enabled: () => existsSync(file),
    async setEnabled(enabled) {
      if (!enabled) return rm(file, { force: true });
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, autostartEntry(opts.command), { mode: 0o644 });
    },
  };
}

/** The login item for this platform. */
export function platformLoginItem(
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
  linux: { configHome: string; command: string[] },
): LoginItem {
  if (platform === 'linux') return xdgLoginItem(linux);
  return {
    enabled: () => app.getLoginItemSettings().openAtLogin,
    setEnabled: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
  };
}
