import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { AppError } from '../../../electron/core/errors';
import { isTrustedSender, pushState, registerIpc, type TrustedWindow } from '../../../electron/main/ipc';
import { CHANNELS, type ChannelHandlers } from '../../../electron/shared/ipc-contract';
import { appState } from './app-state-fixtures';

const RENDERER = 'file:///opt/app/out/renderer/index.html';

/** A fake WebFrameMain: only what the trust check reads. */
function frame(over: Partial<{ url: string; processId: number; routingId: number; parent: unknown }> = {}) {
  return { url: `${RENDERER}#accounts`, processId: 7, routingId: 1, parent: null, ...over };
}

/** A fake window whose webContents has a main frame, and a fake ipcMain that records handlers. */
function setup(handlers: Partial<ChannelHandlers> = {}) {
  const mainFrame = frame();
  const webContents = { mainFrame, send: vi.fn() };
  const win = { webContents } as unknown as BrowserWindow;
  const window: TrustedWindow = { current: () => win, rendererUrl: RENDERER };
  const registered = new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>();
  const ipcMain = { handle: vi.fn((ch: string, fn) => registered.set(ch, fn)), removeHandler: vi.fn((ch: string) => registered.delete(ch)) };
  const all = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => `answer of ${c}`)])) as unknown as ChannelHandlers;
  const merged = { ...all, ...handlers } as ChannelHandlers;
  const unregister = registerIpc(ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, merged, window);
  const ourEvent = { sender: webContents, senderFrame: mainFrame };
  const call = (channel: string, event: unknown, payload?: unknown) => registered.get(channel)!(event, payload);
  return { registered, ipcMain, merged, ourEvent, webContents, call, unregister, window };
}

describe('IPC glue', () => {
  it('registers exactly one handler per contract channel, and removes them all', () => {
    const { registered, unregister } = setup();
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('answers a good call from our window with the handler’s value', async () => {
    const rename = vi.fn(async (input: { id: string; name: string }) => ({ renamed: input }) as never);
    const { call, ourEvent } = setup({ 'accounts:rename': rename });
    await expect(call('accounts:rename', ourEvent, { id: 'acc-1', name: 'Prod' })).resolves.toEqual({ ok: true, value: { renamed: { id: 'acc-1', name: 'Prod' } } });
    expect(rename).toHaveBeenCalledWith({ id: 'acc-1', name: 'Prod' });
  });

  it('answers channels without payload', async () => {
    const { call, ourEvent } = setup();
    await expect(call('state:get', ourEvent)).resolves.toEqual({ ok: true, value: 'answer of state:get' });
  });

  it('refuses a foreign sender: another web contents, a subframe, another page, a gone frame', async () => {
    const { call, ourEvent, merged } = setup();
    const foreign = [
      { sender: { mainFrame: frame() }, senderFrame: ourEvent.senderFrame },
      { sender: ourEvent.sender, senderFrame: frame({ routingId: 2, parent: ourEvent.senderFrame }) },
      { sender: ourEvent.sender, senderFrame: frame({ url: 'https://evil.example/index.html' }) },
      { sender: ourEvent.sender, senderFrame: { ...ourEvent.senderFrame, url: 'file:///tmp/other.html' } },
      { sender: ourEvent.sender, senderFrame: null },
    ];
    for (const event of foreign) {
      const result = await call('accounts:activate', event, { id: 'acc-1' });
      expect(result).toEqual({ ok: false, error: { kind: 'forbidden', message: expect.stringContaining('did not come from the app window') } });
    }
    expect(merged['accounts:activate']).not.toHaveBeenCalled();
  });

  it('refuses calls when no window is open', () => {
    const { ourEvent } = setup();
    expect(isTrustedSender(ourEvent as unknown as IpcMainInvokeEvent, { current: () => null, rendererUrl: RENDERER })).toBe(false);
  });

  it('refuses a bad payload with bad-input naming the field, never the value, and does not call the handler', async () => {
    const { call, ourEvent, merged } = setup();
    const secret = 'x'.repeat(600);
    const result = (await call('credentials:verify', ourEvent, { authType: 'apiKey', accountSid: 'AC1', secret })) as { ok: false; error: { kind: string; message: string; details: { field: string } } };
    expect(result.ok).toBe(false);
    expect(result.error.kind).toBe('bad-input');
    expect(result.error.details.field).toBe('secret');
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(await call('state:get', ourEvent, { unexpected: true })).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    expect(await call('accounts:remove', ourEvent, { id: 'acc-1' })).toMatchObject({ ok: false, error: { kind: 'bad-input', details: { field: 'deleteKey' } } });
    expect(merged['credentials:verify']).not.toHaveBeenCalled();
    expect(merged['accounts:remove']).not.toHaveBeenCalled();
  });

  it('sends an AppError across as its kind, message and details — no stack', async () => {
    const failing = vi.fn(async () => {
      throw new AppError('unknown-account', 'No account is called "Prod". Check the name in Manage accounts….', { field: 'id' });
    });
    const { call, ourEvent } = setup({ 'accounts:activate': failing });
    const result = await call('accounts:activate', ourEvent, { id: 'Prod' });
    expect(result).toEqual({ ok: false, error: { kind: 'unknown-account', message: 'No account is called "Prod". Check the name in Manage accounts….', details: { field: 'id' } } });
    expect(JSON.stringify(result)).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('turns an unexpected error into "internal" without its message (it might quote a secret)', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { call, ourEvent } = setup({ 'log:list': vi.fn(async () => { throw new TypeError('token=abc123 was undefined'); }) });
    const result = await call('log:list', ourEvent);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('abc123');
    expect(spy.mock.calls.flat().join(' ')).not.toContain('abc123');
    spy.mockRestore();
  });

  it('pushes the whole state on state:changed', () => {
    const send = vi.fn();
    const state = appState(2);
    pushState({ send }, state);
    expect(send).toHaveBeenCalledWith('state:changed', state);
  });
});
