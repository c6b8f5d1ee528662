/**
 * The composition root (electron/main/index.ts) against a fake of the Electron modules it uses,
 * with the real core on a temp data folder and an in-memory keychain (the endpoint is faked so no
 * port is bound). Proves the wiring a user depends on: one instance, IPC answered for the window,
 * guards installed, tray shown, onboarding at first run, keychain dialog, clean quit.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/shared/ipc-contract';
import { tempDir } from '../../helpers/temp-dir';

const h = vi.hoisted(() => ({ dataDir: '', electron: null as unknown, endpoint: null as unknown }));
// 'electron' and the app context are mocked per test with vi.doMock (fresh for each import of index.ts).

vi.mock('../../../electron/core/endpoint/engine-endpoint', () => ({
  EngineEndpoint: class {
    constructor() {
      h.endpoint = this;
    }
    started = false;
    stopped = false;
    listeners = new Set<() => void>();
    status = () => ({ url: 'http://127.0.0.1:47123', port: 47123, running: this.started && !this.stopped, paused: false, error: null });
    start = async () => ((this.started = true), this.listeners.forEach((l) => l()), this.status());
    stop = async () => void (this.stopped = true);
    pause = async () => this.status();
    resume = async () => this.status();
    recentLog = () => [];
    onChange = (l: () => void) => (this.listeners.add(l), () => this.listeners.delete(l));
  },
}));

function fakeElectron(opts: { lock: boolean; dialogResponse?: number }) {
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const handlers = new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>();
  const windows: Array<{ options: { webPreferences: Record<string, unknown> }; webContents: { mainFrame: Record<string, unknown>; send: ReturnType<typeof vi.fn> }; loadFile: ReturnType<typeof vi.fn> }> = [];
  const trays: Array<{ icon: string; menu: unknown; tooltip: string; destroy: ReturnType<typeof vi.fn> }> = [];
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => opts.lock),
    on: vi.fn((name: string, fn: (...args: unknown[]) => void) => appEvents.set(name, fn)),
    whenReady: vi.fn(async () => undefined),
    isReady: () => true,
    getAppPath: () => '/repo',
    getVersion: () => '0.1.0',
    quit: vi.fn(() => appEvents.get('before-quit')?.({ preventDefault: vi.fn() })),
    exit: vi.fn(),
    setAppUserModelId: vi.fn(),
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: vi.fn(),
  };
  class BrowserWindow {
    webContents = { mainFrame: { url: '', processId: 1, routingId: 1, parent: null }, send: vi.fn(), isDestroyed: () => false, isLoading: () => true };
    loadFile = vi.fn(async (file: string, o: { hash: string }) => void (this.webContents.mainFrame.url = `file://${file}#${o.hash}`));
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    isDestroyed = () => false;
    isVisible = () => false;
    isMinimized = () => false;
    destroy = vi.fn();
  }
  class Tray {
    menu: unknown = null;
    tooltip = '';
    constructor(public icon: string) {
      trays.push(this);
    }
    on() {}
    setImage(icon: string) {
      this.icon = icon;
    }
    setToolTip(t: string) {
      this.tooltip = t;
    }
    setContextMenu(m: unknown) {
      this.menu = m;
    }
    destroy = vi.fn();
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  };
  class Notification {
    static isSupported = () => true;
    show() {}
  }
  return {
    app, BrowserWindow, Tray, session, Notification, windows, trays, appEvents, handlers,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    ipcMain: { handle: vi.fn((ch: string, fn: (e: unknown, p?: unknown) => Promise<unknown>) => handlers.set(ch, fn)), removeHandler: vi.fn() },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: opts.dialogResponse ?? 1 })),
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/home/ana/app/.env'] })),
    },
    clipboard: { writeText: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    net: { fetch: vi.fn() },
  };
}

async function boot(opts: { lock: boolean; dialogResponse?: number; keychainDown?: boolean }) {
  const electron = fakeElectron(opts);
  h.electron = electron;
  vi.doMock('electron', () => electron);
  vi.doMock('../../../electron/core/app-context', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../../electron/core/app-context')>();
    // Built from this fresh module graph, so its AppErrors are instances of the class index.ts sees.
    const { MemorySecretStore } = await import('../../../electron/core/secrets/memory-secret-store');
    const secrets = new MemorySecretStore();
    if (opts.keychainDown) secrets.failOn.add('list');
    const options = { env: {}, dataDir: h.dataDir, secrets };
    return { ...original, createAppContext: () => original.createAppContext(options), openAppContext: () => original.openAppContext(options) };
  });
  await import('../../../electron/main/index');
  return electron;
}

describe('composition root (electron/main/index.ts)', () => {
  beforeEach(async () => {
    vi.resetModules();
    h.dataDir = await tempDir('smsit-shell-'); // removed when the file ends
  });
  afterEach(() => vi.restoreAllMocks());

  it('a second instance quits at once and wires nothing', async () => {
    const electron = await boot({ lock: false });
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('first run: guards, IPC for every channel, tray, endpoint, and the window on onboarding', async () => {
    const electron = await boot({ lock: true });
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(electron.appEvents.has('web-contents-created')).toBe(true);
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(electron.trays[0]!.icon).toBe('/repo/build/tray/warning.png');
    expect((h.endpoint as { started: boolean }).started).toBe(true);
    const win = electron.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(win.options.webPreferences.preload)).toMatch(/out\/preload\/index\.cjs$|electron\/preload\/index\.cjs$/);
    expect(win.loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer\/index\.html$/), { hash: 'setup' });

    // The window's own main frame gets answers from the real core; a stranger is refused.
    const state = (await electron.handlers.get('state:get')!({ sender: win.webContents, senderFrame: win.webContents.mainFrame })) as { ok: boolean; value: { accounts: unknown[] } };
    expect(state).toMatchObject({ ok: true, value: { accounts: [] } });
    const foreign = await electron.handlers.get('state:get')!({ sender: {}, senderFrame: { ...win.webContents.mainFrame, routingId: 9 } });
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('the window\'s "Choose .env files" opens the system\'s open dialog on the window, hidden files shown, and answers the picked paths', async () => {
    const electron = await boot({ lock: true });
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const win = electron.windows[0]!;
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    expect(await electron.handlers.get('env-files:choose')!(event)).toEqual({ ok: true, value: ['/home/ana/app/.env'] });
    const [parent, options] = electron.dialog.showOpenDialog.mock.calls[0]! as [unknown, { properties: string[] }];
    expect(parent).toBe(win);
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections', 'showHiddenFiles']));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await electron.handlers.get('env-files:choose')!(event)).toEqual({ ok: true, value: [] });
  });

  it('quitting stops the endpoint first, then quits', async () => {
    const electron = await boot({ lock: true });
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    // Until start() has handed back the shell, before-quit lets the quit go on; then it stops the endpoint first.
    const event = { preventDefault: vi.fn() };
    await vi.waitFor(() => {
      electron.appEvents.get('before-quit')!(event);
      expect(event.preventDefault).toHaveBeenCalled();
    });
    await vi.waitFor(() => expect((h.endpoint as { stopped: boolean }).stopped).toBe(true));
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(electron.trays[0]!.destroy).toHaveBeenCalled();
  });

  it('keychain unavailable at start: the explaining dialog instead of a crash; Quit quits', async () => {
    const electron = await boot({ lock: true, dialogResponse: 2, keychainDown: true });
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    const calls = electron.dialog.showMessageBox.mock.calls as unknown as Array<[{ message: string; detail: string }]>;
    expect(calls[0]![0].message).toBe('The keychain is not available');
    expect(calls[0]![0].detail).toContain('The keychain refused');
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(electron.windows).toHaveLength(0);
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
