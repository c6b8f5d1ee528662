/** The tray icon: its look and menu follow the app state; a click opens the window (Windows, Linux). */
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';
import type { AppState } from '../shared/app-types';
import { buildTrayMenu, type TrayActions } from './tray-menu';
import { trayLook, trayTooltip, type TrayLook } from './tray-look';

/**
 * The icon file for a look. macOS gets the black-and-alpha Template image the menu bar tints for
 * light and dark; Electron picks the @2x file beside it on high-density screens.
 */
export function trayIconFile(dir: string, look: TrayLook, platform: NodeJS.Platform): string {
  return join(dir, platform === 'darwin' ? `${look}Template.png` : `${look}.png`);
}

/** What the tray needs from Electron and the rest of the shell. */
export interface AppTrayDeps {
  createTray(iconFile: string): Tray;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  iconDir: string;
  platform: NodeJS.Platform;
  actions: TrayActions;
  launchAtLogin(): boolean;
  /** Opens the window; called on a click of the icon where a click is not the menu (Windows, Linux). */
  onClick(): void;
}

/** The tray icon and its menu, rebuilt whole from each new state. */
export class AppTray {
  private readonly deps: AppTrayDeps;
  private tray: Tray | null = null;
  private state: AppState | null = null;

  constructor(deps: AppTrayDeps) {
    this.deps = deps;
  }

  /** Shows `state`: icon look, tooltip and a freshly built menu. */
  update(state: AppState): void {
    this.state = state;
    const icon = trayIconFile(this.deps.iconDir, trayLook(state), this.deps.platform);
    if (!this.tray) {
      this.tray = this.deps.createTray(icon);
      if (this.deps.platform !== 'darwin') this.tray.on('click', () => this.deps.onClick());
    } else {
      this.tray.setImage(icon);
    }
    this.tray.setToolTip(trayTooltip(state));
    const template = buildTrayMenu(state, { launchAtLogin: this.deps.launchAtLogin() }, this.deps.actions);
    this.tray.setContextMenu(this.deps.buildMenu(template));
  }

  /** Rebuilds the menu from the last state (after a setting outside AppState changed). */
  refresh(): void {
    if (this.state) this.update(this.state);
  }

  /** Removes the icon (quit). */
  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
  }
}
