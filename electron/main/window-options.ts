/** The one window's construction options: every web preference that keeps the page a page. */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Where the window's files are and whether developer tools are allowed (never in a packaged app). */
export interface WindowFiles {
  preload: string;
  icon?: string;
  devTools: boolean;
}

/**
 * Options for the app window. The page gets no Node, runs sandboxed in an isolated world and
 * reaches the app only through the preload's `window.smsit`; everything else stays at Electron's
 * secure defaults, written out so a reviewer (and electronegativity) sees them.
 */
export function mainWindowOptions(files: WindowFiles): BrowserWindowConstructorOptions {
  return {
    width: 980,
    height: 760,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'SMS-iT Twilio Credentials',
    autoHideMenuBar: true,
    ...(files.icon ? { icon: files.icon } : {}),
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // Middle-click would open links in a new window; the window-open handler denies those anyway.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: files.devTools,
    },
  };
}
