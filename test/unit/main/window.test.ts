import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { AppWindow } from '../../../electron/main/window';
import { appState } from './app-state-fixtures';

/** A fake BrowserWindow recording what the shell does with it. */
function fakeWindow() {
  const handlers = new Map<string, () => void>();
  const win = {
    destroyed: false,
    visible: false,
    loadFile: vi.fn(async () => undefined),
    once: vi.fn((name: string, fn: () => void) => handlers.set(name, fn)),
    on: vi.fn((name: string, fn: () => void) => handlers.set(name, fn)),
    show: vi.fn(() => (win.visible = true)),
    focus: vi.fn(),
    restore: vi.fn(),
    destroy: vi.fn(() => (win.destroyed = true)),
    isDestroyed: () => win.destroyed,
    isVisible: () => win.visible,
    isMinimized: () => false,
    webContents: { send: vi.fn(), isDestroyed: () => win.destroyed, isLoading: () => false },
    fire: (name: string) => handlers.get(name)?.(),
  };
  return win;
}

function setup() {
  const made: ReturnType<typeof fakeWindow>[] = [];
  const options: BrowserWindowConstructorOptions[] = [];
  const appWindow = new AppWindow({
    rendererFile: '/opt/app/out/renderer/index.html',
    preload: '/opt/app/out/preload/index.cjs',
    devTools: false,
    createWindow: (o) => {
      options.push(o);
      const win = fakeWindow();
      made.push(win);
      return win as unknown as BrowserWindow;
    },
  });
  return { appWindow, made, options };
}

describe('app window', () => {
  it('opens one hardened window on the bundled page at the asked view, shown once ready', () => {
    const { appWindow, made, options } = setup();
    appWindow.show('setup');
    expect(made).toHaveLength(1);
    expect(options[0]?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, preload: '/opt/app/out/preload/index.cjs' });
    expect(made[0]!.loadFile).toHaveBeenCalledWith('/opt/app/out/renderer/index.html', { hash: 'setup' });
    made[0]!.fire('ready-to-show');
    expect(made[0]!.show).toHaveBeenCalled();
    expect(appWindow.rendererUrl).toBe('file:///opt/app/out/renderer/index.html');
  });

  it('a second show focuses the same window; another view switches the page’s fragment', () => {
    const { appWindow, made } = setup();
    appWindow.show('accounts');
    made[0]!.fire('ready-to-show');
    appWindow.show();
    expect(made).toHaveLength(1);
    expect(made[0]!.focus).toHaveBeenCalled();
    expect(made[0]!.loadFile).toHaveBeenCalledTimes(1);
    appWindow.show('engine');
    expect(made[0]!.loadFile).toHaveBeenLastCalledWith('/opt/app/out/renderer/index.html', { hash: 'engine' });
  });

  it('a load cut short by the next one (ERR_ABORTED) does not become an unhandled rejection', async () => {
    const { appWindow, made } = setup();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    appWindow.show('setup');
    // A plain function, not a vi.fn: a spy's promise is watched by vitest (settledResults), so its rejection would never be unhandled.
    Object.assign(made[0]!, { loadFile: () => Promise.reject(new Error('ERR_ABORTED (-3)')) });
    appWindow.show('engine');
    // Node reports unhandled rejections once the microtasks run out, before the next setImmediate.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('opened with no view (icon click, second launch), the page is loaded without fragment and picks', () => {
    const { appWindow, made } = setup();
    appWindow.show();
    expect(made[0]!.loadFile).toHaveBeenCalledWith('/opt/app/out/renderer/index.html', {});
  });

  it('after the window is closed, show opens a new one and pushes go nowhere meanwhile', () => {
    const { appWindow, made } = setup();
    appWindow.show();
    made[0]!.destroyed = true;
    made[0]!.fire('closed');
    appWindow.pushState(appState(0));
    expect(made[0]!.webContents.send).not.toHaveBeenCalled();
    appWindow.show();
    expect(made).toHaveLength(2);
    const state = appState(1);
    appWindow.pushState(state);
    expect(made[1]!.webContents.send).toHaveBeenCalledWith('state:changed', state);
  });
});
