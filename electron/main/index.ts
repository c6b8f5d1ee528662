/**
 * The tray app's composition root: builds the core with Electron's net.fetch, wires the window,
 * the tray, IPC and the guards, and owns the process lifecycle (one instance, quit stops the
 * endpoint). Everything with logic lives in the files it imports, tested without Electron.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, Menu, Notification, Tray, app, clipboard, dialog, ipcMain, net, session, shell } from 'electron';
import { openAppContext } from '../core/app-context';
import { createAppService } from '../core/app-service';
import { EngineEndpoint } from '../core/endpoint/engine-endpoint';
import { toErrorInfo } from '../core/errors';
import { accessLogPath, engineSocketPath } from '../core/paths';
import { TwilioService } from '../core/twilio/twilio-service';
import { startAppShell, type AppShell } from './app-shell';
import { setupContentSecurity } from './content-security';
import { registerIpc } from './ipc';
import { keychainChoice, keychainDialogOptions } from './keychain-dialog';
import { platformLoginItem } from './login-item';
import { ENV_FILE_DIALOG, chosenPaths } from './env-file-dialog';
import { electronFetch } from './net-fetch';
import { setupNotifications, type Note } from './notifications';
import { createShellHandlers, mergeHandlers } from './shell-handlers';
import { AppTray } from './tray';
import { createTrayActions } from './tray-actions';
import { guardSession, guardWebContents, openCheckedExternal } from './web-guards';
import { AppWindow } from './window';

/** Same as electron-builder's appId: Windows ties notifications to it. */
const APP_ID = 'ai.sms-it.twilio-credentials';

// Packaged: electron-builder copies build/tray and build/icons into resources/ (extraResources).
const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');
const appWindow = new AppWindow({
  rendererFile: join(import.meta.dirname, '../renderer/index.html'),
  preload: join(import.meta.dirname, '../preload/index.cjs'),
  icon: process.platform === 'linux' ? join(resources, 'icons', '512x512.png') : undefined,
  devTools: !app.isPackaged,
  // The security-critical preferences (set and tested in window-options.ts) are restated where the
  // window is built, so a reader and electronegativity's static checks see them at this line.
  createWindow: (options) =>
    new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' } }),
});

// The app's only shell.openExternal. electronegativity flags every non-literal argument for review
// (OPEN_EXTERNAL_JS_CHECK); reviewed and listed in scripts/lint-electron.mjs: the URL has just
// passed externalUrl (https on the Twilio hosts we link to, mail to support@sms-it.ai with a subject
// at most) and is its normalized href, not the raw string, so a compromised
// page cannot make it launch file:, smb: or custom-protocol handlers.
const openInBrowser = (raw: string) => openCheckedExternal((url) => shell.openExternal(url), raw);
// From a window.open (no caller to tell): a desktop with no browser or mail handler must not crash us.
const openFromPage = (url: string) => void openInBrowser(url).catch(() => console.error('[shell] no application could open a link'));
// Modal to the window when it is open, so the picked files plainly belong to its import.
const chooseEnvFiles = async () => {
  const parent = appWindow.current();
  return chosenPaths(await (parent ? dialog.showOpenDialog(parent, ENV_FILE_DIALOG) : dialog.showOpenDialog(ENV_FILE_DIALOG)));
};
const notify = (note: Note) => new Notification({ title: note.title, body: note.body }).show();

async function start(): Promise<AppShell | null> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID); // Windows-only API
  guardSession(session.defaultSession);
  setupContentSecurity(session.defaultSession);

  const context = await openAppContext(); // a data folder of another user is refused before anything is read
  const endpoint = new EngineEndpoint({
    registry: context.registry,
    accounts: context.accounts,
    apiBase: context.apiBase,
    logFile: accessLogPath(context.dataDir),
    socketPath: engineSocketPath(context.dataDir, context.env),
    version: app.getVersion(),
  });
  const twilio = new TwilioService({ fetch: electronFetch(net), apiBase: context.apiBase });
  const service = createAppService({ context, twilio, endpoint });
  registerIpc(ipcMain, mergeHandlers(service, createShellHandlers({ openInBrowser, writeClipboard: (text) => clipboard.writeText(text), chooseEnvFiles })), appWindow);

  const loginItem = platformLoginItem(app, process.platform, {
    configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
    command: app.isPackaged ? [process.env.APPIMAGE ?? process.execPath] : [process.execPath, app.getAppPath()],
  });
  let started: AppShell | null = null;
  const tray: AppTray = new AppTray({
    createTray: (icon) => new Tray(icon),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    iconDir: join(resources, 'tray'),
    platform: process.platform,
    launchAtLogin: () => loginItem.enabled(),
    onClick: () => appWindow.show(),
    actions: createTrayActions({
      service,
      state: () => started?.state() ?? null,
      showWindow: (view) => appWindow.show(view),
      writeClipboard: (text) => clipboard.writeText(text),
      setLaunchAtLogin: (enabled) => loginItem.setEnabled(enabled),
      refreshTray: () => tray.refresh(),
      notify: (note) => Notification.isSupported() && notify(note),
      quit: () => app.quit(),
    }),
  });

  started = await startAppShell({
    service,
    startEndpoint: () => endpoint.start(),
    stopEndpoint: () => endpoint.stop(),
    window: appWindow,
    tray,
    onState: setupNotifications({ isSupported: () => Notification.isSupported(), show: notify }),
    explainKeychain: async (error) => keychainChoice((await dialog.showMessageBox(keychainDialogOptions(error, process.platform))).response),
    quit: () => app.quit(),
  });
  return started;
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the tray and the endpoint's port; it shows its window (second-instance).
  app.quit();
} else {
  let shellRef: AppShell | null = null;
  let stopped = false;
  app.on('second-instance', () => app.isReady() && appWindow.show());
  app.on('activate', () => app.isReady() && appWindow.show()); // macOS: a click on the Dock icon.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openFromPage));
  // A tray app keeps running with no window; quitting is the tray's Quit.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    if (!shellRef || stopped) return;
    event.preventDefault(); // stop the endpoint cleanly (closes sockets, flushes the log), then quit
    void shellRef.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  app.whenReady().then(start).then(
    (shell) => (shellRef = shell),
    (error: unknown) => {
      dialog.showErrorBox('SMS-iT Twilio Credentials could not start', toErrorInfo(error).message);
      app.exit(1);
    },
  );
}
