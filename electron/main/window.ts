/** The app's one window: created on demand, showing one of the renderer's views, closed to the tray. */
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { AppState } from '../shared/app-types';
import type { WindowView } from '../shared/window-views';
import { pushState } from './ipc';
import { mainWindowOptions, type WindowFiles } from './window-options';

export type { WindowView } from '../shared/window-views';

/** What the window needs from Electron and the file system. */
export interface AppWindowDeps extends WindowFiles {
  /** `out/renderer/index.html`: the only page the window ever loads. */
  rendererFile: string;
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
}

/** The single app window; `show` creates or focuses it. */
export class AppWindow {
  readonly rendererUrl: string;
  private window: BrowserWindow | null = null;
  private loaded = false;
  private readonly deps: AppWindowDeps;

  constructor(deps: AppWindowDeps) {
    this.deps = deps;
    this.rendererUrl = pathToFileURL(deps.rendererFile).href;
  }

  /** The live window, if one is open. */
  current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Opens the window on `view` (or brings it forward, switching view when asked). */
  show(view?: WindowView): void {
    let win = this.current();
    if (!win) {
      win = this.deps.createWindow(mainWindowOptions(this.deps));
      this.window = win;
      this.loaded = false;
      const created = win;
      created.once('ready-to-show', () => created.show());
      created.on('closed', () => {
        if (this.window === created) this.window = null;
      });
    }
    // A view asked for is always loaded: only the fragment changes, a same-document navigation the
    // page follows (hashchange), and a no-op when the page already shows it. With no view, a new
    // window gets no fragment and the page picks (setup when there is no account yet).
    if (view || !this.loaded) {
      this.loaded = true;
      // A load cut short by the next one rejects (ERR_ABORTED); unhandled, that would be an error
      // dialog from the main process. The newer load is the one that counts.
      win.loadFile(this.deps.rendererFile, view ? { hash: view } : {}).catch(() => undefined);
    }
    if (win.isMinimized()) win.restore();
    if (win.isVisible()) win.focus();
    else if (!win.webContents.isLoading()) win.show();
  }

  /** Pushes the whole state to the page if the window is open (the page reads the state itself when it opens). */
  pushState(state: AppState): void {
    const win = this.current();
    if (win && !win.webContents.isDestroyed()) pushState(win.webContents, state);
  }

  /** Closes the window (quit). */
  close(): void {
    this.current()?.destroy();
    this.window = null;
  }
}
